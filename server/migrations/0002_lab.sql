CREATE TABLE "lab_counters" (
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "lab_counters_institution_id_kind_year_pk" PRIMARY KEY("institution_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "lab_settings" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"blind_testing" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"step" text NOT NULL,
	"by_user" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "sample_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"test_item_id" uuid NOT NULL,
	"parameter" text NOT NULL,
	"standard" text NOT NULL,
	"unit" text NOT NULL,
	"limit_kind" text NOT NULL,
	"limit_min" numeric,
	"limit_max" numeric,
	"limit_text" text,
	"tester_id" uuid
);
--> statement-breakpoint
CREATE TABLE "samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_org_id" uuid NOT NULL,
	"sample_no" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"client_enterprise_id" uuid,
	"client_org_id" uuid,
	"client_name" text,
	"commissioning_org_id" uuid,
	"commissioning_region_code" char(6),
	"product_category" text NOT NULL,
	"product_name" text NOT NULL,
	"specification" text NOT NULL,
	"producer_uscc" char(18) NOT NULL,
	"producer_name" text NOT NULL,
	"producer_enterprise_id" uuid,
	"batch_no" text NOT NULL,
	"quantity" text NOT NULL,
	"condition_on_arrival" text NOT NULL,
	"storage" text NOT NULL,
	"retention_until" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	"keep_until" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatory_authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"parameter" text NOT NULL,
	"standard" text NOT NULL,
	"unit" text NOT NULL,
	"limit_kind" text NOT NULL,
	"limit_min" numeric,
	"limit_max" numeric,
	"limit_text" text,
	"required" boolean NOT NULL,
	"categories" text[] NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_test_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value" text NOT NULL,
	"unit" text NOT NULL,
	"judgement" text NOT NULL,
	"instrument_id" uuid NOT NULL,
	"tested_on" date NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "lab_counters" ADD CONSTRAINT "lab_counters_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_settings" ADD CONSTRAINT "lab_settings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_events" ADD CONSTRAINT "sample_events_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_events" ADD CONSTRAINT "sample_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_tests" ADD CONSTRAINT "sample_tests_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_tests" ADD CONSTRAINT "sample_tests_test_item_id_test_items_id_fk" FOREIGN KEY ("test_item_id") REFERENCES "public"."test_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_tests" ADD CONSTRAINT "sample_tests_tester_id_users_id_fk" FOREIGN KEY ("tester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_institution_org_id_orgs_id_fk" FOREIGN KEY ("institution_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_client_enterprise_id_enterprises_id_fk" FOREIGN KEY ("client_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_client_org_id_orgs_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_commissioning_org_id_orgs_id_fk" FOREIGN KEY ("commissioning_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_producer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("producer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatory_authorizations" ADD CONSTRAINT "signatory_authorizations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatory_authorizations" ADD CONSTRAINT "signatory_authorizations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_items" ADD CONSTRAINT "test_items_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_sample_test_id_sample_tests_id_fk" FOREIGN KEY ("sample_test_id") REFERENCES "public"."sample_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sample_events_sample_idx" ON "sample_events" USING btree ("sample_id","at");--> statement-breakpoint
CREATE INDEX "sample_tests_sample_idx" ON "sample_tests" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "sample_tests_tester_idx" ON "sample_tests" USING btree ("tester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "samples_institution_no_idx" ON "samples" USING btree ("institution_id","sample_no");--> statement-breakpoint
CREATE INDEX "samples_institution_status_idx" ON "samples" USING btree ("institution_org_id","status","received_at");--> statement-breakpoint
CREATE INDEX "samples_client_idx" ON "samples" USING btree ("client_org_id");--> statement-breakpoint
CREATE INDEX "samples_commissioning_idx" ON "samples" USING btree ("commissioning_region_code");--> statement-breakpoint
CREATE INDEX "samples_producer_idx" ON "samples" USING btree ("producer_uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "signatory_authorizations_user_domain_idx" ON "signatory_authorizations" USING btree ("user_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "test_items_institution_item_idx" ON "test_items" USING btree ("institution_id","standard","parameter");--> statement-breakpoint
CREATE UNIQUE INDEX "test_results_test_version_idx" ON "test_results" USING btree ("sample_test_id","version");