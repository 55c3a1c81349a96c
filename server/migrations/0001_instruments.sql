CREATE TABLE "instrument_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"performed_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"certificate_no" text NOT NULL,
	"performed_by" text NOT NULL,
	"passed" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" char(6) NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"serial_number" text NOT NULL,
	"manufacturer" text NOT NULL,
	"measuring_range" text NOT NULL,
	"compulsory" boolean NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instrument_verifications" ADD CONSTRAINT "instrument_verifications_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_verifications_instrument_idx" ON "instrument_verifications" USING btree ("instrument_id","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_owner_serial_idx" ON "instruments" USING btree ("owner_org_id","serial_number");--> statement-breakpoint
CREATE INDEX "instruments_region_idx" ON "instruments" USING btree ("region_code");