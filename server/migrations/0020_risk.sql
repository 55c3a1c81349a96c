CREATE TABLE "risk_models" (
	"id" integer PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"published_on" date NOT NULL,
	"source" text NOT NULL,
	"text" text NOT NULL,
	"enterprise_id" uuid,
	"category" text,
	"region_code" char(6) NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_warning_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dimension" text NOT NULL,
	"subject_key" text NOT NULL,
	"label" text NOT NULL,
	"region_code" char(6) NOT NULL,
	"level" text NOT NULL,
	"score" numeric(14, 2) NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_models" ADD CONSTRAINT "risk_models_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_opinions" ADD CONSTRAINT "risk_opinions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_opinions" ADD CONSTRAINT "risk_opinions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_warning_steps" ADD CONSTRAINT "risk_warning_steps_warning_id_risk_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."risk_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_warning_steps" ADD CONSTRAINT "risk_warning_steps_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_warnings" ADD CONSTRAINT "risk_warnings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_opinions_region_idx" ON "risk_opinions" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "risk_opinions_enterprise_idx" ON "risk_opinions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "risk_warning_steps_warning_idx" ON "risk_warning_steps" USING btree ("warning_id","at");--> statement-breakpoint
CREATE INDEX "risk_warnings_region_idx" ON "risk_warnings" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "risk_warnings_open_idx" ON "risk_warnings" USING btree ("dimension","subject_key") WHERE status <> 'handled';