CREATE TABLE "sample_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sample_disclosures" ADD CONSTRAINT "sample_disclosures_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_disclosures" ADD CONSTRAINT "sample_disclosures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sample_disclosures_sample_org_idx" ON "sample_disclosures" USING btree ("sample_id","org_id");--> statement-breakpoint
CREATE INDEX "sample_disclosures_region_idx" ON "sample_disclosures" USING btree ("region_code");