CREATE TABLE "recall_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recall_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recall_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"quantity_recalled" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recalls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recall_no" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_org_id" uuid,
	"region_code" char(6) NOT NULL,
	"product_name" text NOT NULL,
	"product_category" text,
	"batches" text NOT NULL,
	"defect" text NOT NULL,
	"injuries" integer NOT NULL,
	"reported_on" date NOT NULL,
	"risk_level" text,
	"conclusion" text,
	"scope" text,
	"measures" text[] NOT NULL,
	"quantity_total" integer,
	"quantity_recalled" integer NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recalls_recall_no_unique" UNIQUE("recall_no")
);
--> statement-breakpoint
ALTER TABLE "recall_progress" ADD CONSTRAINT "recall_progress_recall_id_recalls_id_fk" FOREIGN KEY ("recall_id") REFERENCES "public"."recalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recall_progress" ADD CONSTRAINT "recall_progress_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_enterprise_org_id_orgs_id_fk" FOREIGN KEY ("enterprise_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recall_progress_recall_idx" ON "recall_progress" USING btree ("recall_id","reported_on");--> statement-breakpoint
CREATE INDEX "recalls_region_idx" ON "recalls" USING btree ("region_code","reported_on");--> statement-breakpoint
CREATE INDEX "recalls_enterprise_idx" ON "recalls" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "recalls_published_idx" ON "recalls" USING btree ("published_at");