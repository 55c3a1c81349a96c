CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"categories" text[] NOT NULL,
	"area_codes" text[] NOT NULL,
	"member_departments" text[] NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"problem" text NOT NULL,
	"responsible_unit" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"measures" text NOT NULL,
	"resolved_on" date,
	"enterprise_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"category" text NOT NULL,
	"screened_on" date NOT NULL,
	"officers" text[] NOT NULL,
	"result" text NOT NULL,
	"problems" text NOT NULL,
	"rectification_status" text NOT NULL,
	"rectification_deadline" date,
	"rectified_on" date,
	"rectification_note" text,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposal_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disposal_id" uuid NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_uscc" char(18),
	"buyer_region_code" char(6),
	"quantity" numeric(14, 2) NOT NULL,
	"quantity_recovered" numeric(14, 2) NOT NULL,
	"shipped_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sampling_record_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"enterprise_notified_on" date,
	"measures" text NOT NULL,
	"quantity_sealed" numeric(14, 2),
	"quantity_removed" numeric(14, 2),
	"unit" text NOT NULL,
	"recall_reference" text,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disposals_sampling_record_id_unique" UNIQUE("sampling_record_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_quotas" (
	"plan_id" uuid NOT NULL,
	"area_code" char(6) NOT NULL,
	"category" text NOT NULL,
	"batches" integer NOT NULL,
	CONSTRAINT "sampling_quotas_plan_id_area_code_category_pk" PRIMARY KEY("plan_id","area_code","category")
);
--> statement-breakpoint
CREATE TABLE "sampling_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_no" text NOT NULL,
	"task_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_org_id" uuid NOT NULL,
	"institution_org_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"category" text NOT NULL,
	"product_name" text NOT NULL,
	"specification" text NOT NULL,
	"batch_no" text NOT NULL,
	"quantity" text NOT NULL,
	"place" text NOT NULL,
	"samplers" text[] NOT NULL,
	"sampled_on" date NOT NULL,
	"status" text NOT NULL,
	"delivery_due_on" date NOT NULL,
	"sample_id" uuid,
	"received_on" date,
	"report_due_on" date,
	"report_id" uuid,
	"reported_on" date,
	"conclusion" text,
	"objection_due_on" date,
	"objection_filed_on" date,
	"objection_reason" text,
	"objection_outcome" text,
	"objection_decided_on" date,
	"next_clock" text,
	"next_due_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sampling_records_record_no_unique" UNIQUE("record_no")
);
--> statement-breakpoint
CREATE TABLE "sampling_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_org_id" uuid NOT NULL,
	"area_code" char(6) NOT NULL,
	"category" text NOT NULL,
	"batches" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_risk_tiers" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"basis" text NOT NULL,
	"assessed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"inputs_sha256" text NOT NULL,
	"seed" text NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"drawn_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"tier" text NOT NULL,
	"inspector_user_ids" uuid[] NOT NULL,
	"outcome" text,
	"inspected_on" date,
	"result_note" text,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspector_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"enforcement_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"active" boolean NOT NULL,
	CONSTRAINT "inspectors_enforcement_id_unique" UNIQUE("enforcement_id")
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "case_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"clock" text,
	"extension_days" integer,
	"approved_by" text,
	"note" text NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"source" text NOT NULL,
	"source_ref" uuid,
	"campaign_id" uuid,
	"party_enterprise_id" uuid,
	"party_name" text NOT NULL,
	"party_uscc" char(18),
	"product_category" text,
	"violation_category" text NOT NULL,
	"summary" text NOT NULL,
	"stage" text NOT NULL,
	"lead_on" date NOT NULL,
	"filing_due_on" date NOT NULL,
	"filing_extended_days" integer NOT NULL,
	"filed_on" date,
	"decision_due_on" date,
	"decision_extended_days" integer NOT NULL,
	"decided_on" date,
	"decision_no" text,
	"decision" text,
	"fine_yuan" numeric(16, 2) NOT NULL,
	"confiscation_yuan" numeric(16, 2) NOT NULL,
	"units_investigated" integer NOT NULL,
	"staff_dispatched" integer NOT NULL,
	"executed_on" date,
	"closed_on" date,
	"not_filed_reason" text,
	"transfer_kind" text,
	"transferred_to" text,
	"transferred_on" date,
	"clock" text,
	"due_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_case_no_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE TABLE "dishonesty_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"enterprise_id" uuid,
	"party_name" text NOT NULL,
	"party_uscc" char(18),
	"criteria" text[] NOT NULL,
	"facts" text NOT NULL,
	"decision_no" text NOT NULL,
	"listed_on" date NOT NULL,
	"published_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"earliest_removal_on" date NOT NULL,
	"status" text NOT NULL,
	"removed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dishonesty_listings_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "removal_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"applied_on" date NOT NULL,
	"reason" text NOT NULL,
	"commitments" text NOT NULL,
	"status" text NOT NULL,
	"review_note" text,
	"decided_on" date,
	"decided_by" uuid,
	"applied_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_lead_org_id_orgs_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_flows" ADD CONSTRAINT "disposal_flows_disposal_id_disposals_id_fk" FOREIGN KEY ("disposal_id") REFERENCES "public"."disposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposals" ADD CONSTRAINT "disposals_sampling_record_id_sampling_records_id_fk" FOREIGN KEY ("sampling_record_id") REFERENCES "public"."sampling_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposals" ADD CONSTRAINT "disposals_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_quotas" ADD CONSTRAINT "sampling_quotas_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_task_id_sampling_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."sampling_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_plan_org_id_orgs_id_fk" FOREIGN KEY ("plan_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_institution_org_id_orgs_id_fk" FOREIGN KEY ("institution_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_tasks" ADD CONSTRAINT "sampling_tasks_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_tasks" ADD CONSTRAINT "sampling_tasks_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_tasks" ADD CONSTRAINT "sampling_tasks_institution_org_id_orgs_id_fk" FOREIGN KEY ("institution_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_risk_tiers" ADD CONSTRAINT "enterprise_risk_tiers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_inspector_user_id_inspectors_user_id_fk" FOREIGN KEY ("inspector_user_id") REFERENCES "public"."inspectors"("user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_party_enterprise_id_enterprises_id_fk" FOREIGN KEY ("party_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_listings" ADD CONSTRAINT "dishonesty_listings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_listings" ADD CONSTRAINT "dishonesty_listings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_listings" ADD CONSTRAINT "dishonesty_listings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_applications" ADD CONSTRAINT "removal_applications_listing_id_dishonesty_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."dishonesty_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_applications" ADD CONSTRAINT "removal_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_applications" ADD CONSTRAINT "removal_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_region_idx" ON "campaigns" USING btree ("region_code","starts_on");--> statement-breakpoint
CREATE INDEX "problems_campaign_idx" ON "problems" USING btree ("campaign_id","region_code");--> statement-breakpoint
CREATE INDEX "problems_region_idx" ON "problems" USING btree ("region_code","deadline");--> statement-breakpoint
CREATE INDEX "screenings_region_idx" ON "screenings" USING btree ("region_code","screened_on");--> statement-breakpoint
CREATE INDEX "screenings_enterprise_idx" ON "screenings" USING btree ("enterprise_id","screened_on");--> statement-breakpoint
CREATE INDEX "screenings_campaign_idx" ON "screenings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "disposal_flows_disposal_idx" ON "disposal_flows" USING btree ("disposal_id");--> statement-breakpoint
CREATE INDEX "disposals_region_idx" ON "disposals" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "sampling_plans_region_idx" ON "sampling_plans" USING btree ("region_code","starts_on");--> statement-breakpoint
CREATE INDEX "sampling_records_region_idx" ON "sampling_records" USING btree ("region_code","sampled_on","id");--> statement-breakpoint
CREATE INDEX "sampling_records_due_idx" ON "sampling_records" USING btree ("region_code","next_due_on");--> statement-breakpoint
CREATE INDEX "sampling_records_task_idx" ON "sampling_records" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "sampling_records_institution_idx" ON "sampling_records" USING btree ("institution_org_id","status");--> statement-breakpoint
CREATE INDEX "sampling_records_enterprise_idx" ON "sampling_records" USING btree ("enterprise_id","sampled_on");--> statement-breakpoint
CREATE INDEX "sampling_records_sample_idx" ON "sampling_records" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "sampling_tasks_plan_idx" ON "sampling_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "sampling_tasks_institution_idx" ON "sampling_tasks" USING btree ("institution_org_id");--> statement-breakpoint
CREATE INDEX "inspection_draws_region_idx" ON "inspection_draws" USING btree ("region_code","drawn_at");--> statement-breakpoint
CREATE INDEX "inspection_targets_draw_idx" ON "inspection_targets" USING btree ("draw_id","position");--> statement-breakpoint
CREATE INDEX "inspection_targets_enterprise_idx" ON "inspection_targets" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_conflicts_pair_idx" ON "inspector_conflicts" USING btree ("inspector_user_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "inspectors_region_idx" ON "inspectors" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_region_lead_idx" ON "cases" USING btree ("region_code","lead_on","id");--> statement-breakpoint
CREATE INDEX "cases_region_due_idx" ON "cases" USING btree ("region_code","due_on");--> statement-breakpoint
CREATE INDEX "cases_party_idx" ON "cases" USING btree ("party_enterprise_id");--> statement-breakpoint
CREATE INDEX "cases_source_ref_idx" ON "cases" USING btree ("source_ref");--> statement-breakpoint
CREATE INDEX "cases_campaign_idx" ON "cases" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "dishonesty_region_idx" ON "dishonesty_listings" USING btree ("region_code","listed_on");--> statement-breakpoint
CREATE INDEX "dishonesty_enterprise_idx" ON "dishonesty_listings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "removal_applications_listing_idx" ON "removal_applications" USING btree ("listing_id");--> statement-breakpoint
-- Case files are evidence: events and documents are never edited or deleted, and cases,
-- listings and sampling records are never deleted (they end in a final stage instead).
CREATE OR REPLACE FUNCTION shijian_refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '执法记录不得删除或改写：% 只能追加', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION shijian_refuse_evidence_change();
--> statement-breakpoint
CREATE TRIGGER case_documents_append_only BEFORE UPDATE OR DELETE ON case_documents FOR EACH ROW EXECUTE FUNCTION shijian_refuse_evidence_change();
--> statement-breakpoint
CREATE TRIGGER cases_kept BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION shijian_refuse_evidence_change();
--> statement-breakpoint
CREATE TRIGGER dishonesty_listings_kept BEFORE DELETE ON dishonesty_listings FOR EACH ROW EXECUTE FUNCTION shijian_refuse_evidence_change();
--> statement-breakpoint
CREATE TRIGGER sampling_records_kept BEFORE DELETE ON sampling_records FOR EACH ROW EXECUTE FUNCTION shijian_refuse_evidence_change();
