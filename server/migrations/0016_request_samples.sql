CREATE TABLE "service_request_samples" (
	"sample_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"request_line_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_request_samples" ADD CONSTRAINT "service_request_samples_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_samples" ADD CONSTRAINT "service_request_samples_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_samples" ADD CONSTRAINT "service_request_samples_request_line_id_service_request_lines_id_fk" FOREIGN KEY ("request_line_id") REFERENCES "public"."service_request_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_request_samples_request_idx" ON "service_request_samples" USING btree ("request_id");