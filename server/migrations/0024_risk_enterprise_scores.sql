CREATE TABLE "risk_enterprise_scores" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"region_code" char(6) NOT NULL,
	"value" double precision NOT NULL,
	"signals" integer NOT NULL,
	"by_kind" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "risk_enterprise_scores_value_idx" ON "risk_enterprise_scores" USING btree ("value" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "risk_enterprise_scores_region_idx" ON "risk_enterprise_scores" USING btree ("region_code","value" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "risk_warnings_subject_idx" ON "risk_warnings" USING btree ("dimension","subject_key","updated_at");--> statement-breakpoint
-- The enterprise totals start empty: forget the last scoring so the next read rescores everything.
DELETE FROM "risk_state";
