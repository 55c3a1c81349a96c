CREATE TABLE "onsite_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"request_id" uuid,
	"place_type" text NOT NULL,
	"place_name" text NOT NULL,
	"team" text NOT NULL,
	"staff" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"served_on" date NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"request_id" uuid,
	"requester_org_id" uuid,
	"requester_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"booked_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"on_site" boolean NOT NULL,
	"note" text NOT NULL,
	"cancelled" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_counters" (
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "certificate_counters_institution_id_year_kind_pk" PRIMARY KEY("institution_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "compulsory_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"item" text NOT NULL,
	"kinds" text[] NOT NULL,
	"mode" text NOT NULL,
	"scope" text NOT NULL,
	"period_months" integer NOT NULL,
	"epidemic" boolean NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "compulsory_items_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "instrument_ledger_details" (
	"instrument_id" uuid PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"accuracy_class" text NOT NULL,
	"location" text NOT NULL,
	"purpose" text NOT NULL,
	"quantity" integer NOT NULL,
	"compulsory_item_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_no" text NOT NULL,
	"kind" text NOT NULL,
	"request_id" uuid NOT NULL,
	"request_line_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"requester_org_id" uuid,
	"client_name" text NOT NULL,
	"instrument_id" uuid,
	"verification_id" uuid,
	"dispatch_id" uuid,
	"instrument_name" text NOT NULL,
	"model" text NOT NULL,
	"serial_number" text NOT NULL,
	"manufacturer" text NOT NULL,
	"measuring_range" text NOT NULL,
	"accuracy_class" text NOT NULL,
	"regulation" text NOT NULL,
	"reference_standard" text NOT NULL,
	"conclusion" text NOT NULL,
	"passed" boolean NOT NULL,
	"performed_on" date NOT NULL,
	"valid_until" date,
	"verifier_id" uuid NOT NULL,
	"checker_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_certificates_certificate_no_unique" UNIQUE("certificate_no")
);
--> statement-breakpoint
ALTER TABLE "onsite_dispatches" ADD CONSTRAINT "onsite_dispatches_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_dispatches" ADD CONSTRAINT "onsite_dispatches_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_dispatches" ADD CONSTRAINT "onsite_dispatches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_slot_id_service_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."service_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_requester_org_id_orgs_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bookings" ADD CONSTRAINT "service_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_slots" ADD CONSTRAINT "service_slots_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_slots" ADD CONSTRAINT "service_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_counters" ADD CONSTRAINT "certificate_counters_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_ledger_details" ADD CONSTRAINT "instrument_ledger_details_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_ledger_details" ADD CONSTRAINT "instrument_ledger_details_compulsory_item_id_compulsory_items_id_fk" FOREIGN KEY ("compulsory_item_id") REFERENCES "public"."compulsory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_request_line_id_service_request_lines_id_fk" FOREIGN KEY ("request_line_id") REFERENCES "public"."service_request_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_verification_id_instrument_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."instrument_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_dispatch_id_onsite_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."onsite_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_verifier_id_users_id_fk" FOREIGN KEY ("verifier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_checker_id_users_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_certificates" ADD CONSTRAINT "verification_certificates_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onsite_dispatches_region_idx" ON "onsite_dispatches" USING btree ("region_code","served_on");--> statement-breakpoint
CREATE INDEX "onsite_dispatches_institution_idx" ON "onsite_dispatches" USING btree ("institution_id","served_on");--> statement-breakpoint
CREATE INDEX "service_bookings_slot_idx" ON "service_bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "service_bookings_requester_idx" ON "service_bookings" USING btree ("requester_org_id","created_at");--> statement-breakpoint
CREATE INDEX "service_bookings_institution_idx" ON "service_bookings" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE INDEX "service_slots_institution_idx" ON "service_slots" USING btree ("institution_id","starts_at");--> statement-breakpoint
CREATE INDEX "instrument_ledger_details_item_idx" ON "instrument_ledger_details" USING btree ("compulsory_item_id");--> statement-breakpoint
CREATE INDEX "verification_certificates_request_idx" ON "verification_certificates" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "verification_certificates_requester_idx" ON "verification_certificates" USING btree ("requester_org_id","created_at");--> statement-breakpoint
CREATE INDEX "verification_certificates_region_idx" ON "verification_certificates" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "verification_certificates_institution_idx" ON "verification_certificates" USING btree ("institution_id","created_at");