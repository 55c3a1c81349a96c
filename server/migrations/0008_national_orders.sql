-- Orders a province or the nation reads without a leading region code: case lists by lead date,
-- the deadline board by limit, sampling batches by date and overdue batches by limit (bench/supervision.ts).
DROP INDEX "sampling_records_due_idx";--> statement-breakpoint
CREATE INDEX "sampling_records_sampled_idx" ON "sampling_records" USING btree ("sampled_on","id");--> statement-breakpoint
CREATE INDEX "sampling_records_overdue_idx" ON "sampling_records" USING btree ("next_due_on","id") WHERE next_clock in ('delivery', 'report');--> statement-breakpoint
CREATE INDEX "cases_lead_idx" ON "cases" USING btree ("lead_on","id");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_on","id","clock") WHERE due_on is not null;--> statement-breakpoint
CREATE INDEX "sampling_records_due_idx" ON "sampling_records" USING btree ("region_code","next_due_on") WHERE next_clock in ('delivery', 'report');