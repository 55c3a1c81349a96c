CREATE TABLE "fee_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"condition" text NOT NULL,
	"reduction_percent" integer NOT NULL,
	"region_code" char(6),
	"effective_from" date NOT NULL,
	"effective_to" date,
	"basis" text NOT NULL,
	"active" boolean NOT NULL,
	"owner_org_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_counters" (
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "service_counters_institution_id_year_pk" PRIMARY KEY("institution_id","year")
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parameters" text NOT NULL,
	"standards" text[] NOT NULL,
	"category_codes" text[] NOT NULL,
	"fee_yuan" numeric(16, 2) NOT NULL,
	"turnaround_days" integer NOT NULL,
	"on_site" boolean NOT NULL,
	"epidemic" boolean NOT NULL,
	"compulsory" boolean NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_request_id" uuid NOT NULL,
	"to_request_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"referred_by" uuid,
	"referred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_request_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_fee_yuan" numeric(16, 2) NOT NULL,
	"gross_yuan" numeric(16, 2) NOT NULL,
	"waived_yuan" numeric(16, 2) NOT NULL,
	"fee_rule_id" uuid,
	"referred_to_request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_no" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"requester_org_id" uuid,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"access_code_hash" text,
	"description" text NOT NULL,
	"epidemic_related" boolean NOT NULL,
	"green" boolean NOT NULL,
	"status" text NOT NULL,
	"status_note" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"first_responder_id" uuid,
	"escalated_to_org_id" uuid,
	"referred_from_id" uuid,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_requests_request_no_unique" UNIQUE("request_no")
);
--> statement-breakpoint
ALTER TABLE "fee_rules" ADD CONSTRAINT "fee_rules_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_counters" ADD CONSTRAINT "service_counters_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_referrals" ADD CONSTRAINT "service_referrals_from_request_id_service_requests_id_fk" FOREIGN KEY ("from_request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_referrals" ADD CONSTRAINT "service_referrals_to_request_id_service_requests_id_fk" FOREIGN KEY ("to_request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_referrals" ADD CONSTRAINT "service_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_lines" ADD CONSTRAINT "service_request_lines_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_lines" ADD CONSTRAINT "service_request_lines_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_lines" ADD CONSTRAINT "service_request_lines_fee_rule_id_fee_rules_id_fk" FOREIGN KEY ("fee_rule_id") REFERENCES "public"."fee_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_institution_org_id_orgs_id_fk" FOREIGN KEY ("institution_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_requester_org_id_orgs_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_first_responder_id_users_id_fk" FOREIGN KEY ("first_responder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_escalated_to_org_id_orgs_id_fk" FOREIGN KEY ("escalated_to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_items_institution_idx" ON "service_items" USING btree ("institution_id","name");--> statement-breakpoint
CREATE INDEX "service_items_region_idx" ON "service_items" USING btree ("region_code","kind");--> statement-breakpoint
CREATE INDEX "service_referrals_from_idx" ON "service_referrals" USING btree ("from_request_id");--> statement-breakpoint
CREATE INDEX "service_referrals_to_idx" ON "service_referrals" USING btree ("to_request_id");--> statement-breakpoint
CREATE INDEX "service_request_lines_request_idx" ON "service_request_lines" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_requests_institution_idx" ON "service_requests" USING btree ("institution_org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "service_requests_requester_idx" ON "service_requests" USING btree ("requester_org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "service_requests_region_idx" ON "service_requests" USING btree ("region_code","submitted_at");--> statement-breakpoint
CREATE INDEX "service_requests_waiting_idx" ON "service_requests" USING btree ("respond_by") WHERE status = 'submitted' and green;