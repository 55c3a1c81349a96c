CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	"report_no" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"supersedes_id" uuid,
	"amendment_reason" text,
	"conclusion" text NOT NULL,
	"product_name" text NOT NULL,
	"institution_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"signatory_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"content_sha256" char(64) NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" char(64) NOT NULL,
	"chain_id" text NOT NULL,
	"chain_seq" integer NOT NULL,
	"chain_head_hash" char(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_signatory_id_users_id_fk" FOREIGN KEY ("signatory_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_institution_no_version_idx" ON "reports" USING btree ("institution_id","report_no","version");--> statement-breakpoint
CREATE INDEX "reports_no_idx" ON "reports" USING btree ("report_no");--> statement-breakpoint
CREATE INDEX "reports_pdf_sha_idx" ON "reports" USING btree ("pdf_sha256");--> statement-breakpoint
CREATE INDEX "reports_sample_idx" ON "reports" USING btree ("sample_id");