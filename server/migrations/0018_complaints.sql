CREATE TABLE "complaint_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "complaint_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_no" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_phone" text NOT NULL,
	"access_code_hash" text,
	"target_name" text NOT NULL,
	"target_uscc" char(18),
	"target_enterprise_id" uuid,
	"target_region_code" char(6) NOT NULL,
	"product_category" text,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"amount_yuan" numeric(16, 2),
	"handling_org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"received_on" date NOT NULL,
	"decision_due_on" date NOT NULL,
	"mediation_due_on" date,
	"clock" text,
	"due_on" date,
	"decision_note" text NOT NULL,
	"decided_on" date,
	"reply" text,
	"replied_at" timestamp with time zone,
	"case_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaints_complaint_no_unique" UNIQUE("complaint_no")
);
--> statement-breakpoint
ALTER TABLE "complaint_counters" ADD CONSTRAINT "complaint_counters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_target_enterprise_id_enterprises_id_fk" FOREIGN KEY ("target_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handling_org_id_orgs_id_fk" FOREIGN KEY ("handling_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_region_idx" ON "complaints" USING btree ("region_code","received_on");--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("due_on","id") WHERE due_on is not null;--> statement-breakpoint
CREATE INDEX "complaints_target_idx" ON "complaints" USING btree ("target_enterprise_id");