CREATE TABLE "epidemic_qa" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"topic" text NOT NULL,
	"region_code" char(6),
	"org_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"published" boolean NOT NULL,
	"published_at" timestamp with time zone,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "typical_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"violation" text NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty" text NOT NULL,
	"violation_category" text NOT NULL,
	"published_on" date NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text
);
--> statement-breakpoint
ALTER TABLE "epidemic_qa" ADD CONSTRAINT "epidemic_qa_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epidemic_qa" ADD CONSTRAINT "epidemic_qa_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "epidemic_qa_public_idx" ON "epidemic_qa" USING btree ("published","sort_order");--> statement-breakpoint
CREATE INDEX "epidemic_qa_region_idx" ON "epidemic_qa" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "typical_cases_active_case_idx" ON "typical_cases" USING btree ("case_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "typical_cases_region_idx" ON "typical_cases" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "typical_cases_public_idx" ON "typical_cases" USING btree ("published_on","id") WHERE withdrawn_at is null;