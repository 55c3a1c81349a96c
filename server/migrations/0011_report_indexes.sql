-- Covering indexes for the statistics: a campaign's screenings, cases and a plan's sampled batches in an area,
-- read by an index-only scan (reporting/metrics.ts; bench/reporting.ts measured the table before and after).
DROP INDEX "screenings_campaign_idx";--> statement-breakpoint
DROP INDEX "cases_campaign_idx";--> statement-breakpoint
CREATE INDEX "screenings_report_idx" ON "screenings" USING btree ("campaign_id","region_code","screened_on","category","enterprise_id","result","rectification_status","rectified_on");--> statement-breakpoint
CREATE INDEX "sampling_records_report_idx" ON "sampling_records" USING btree ("plan_id","region_code","sampled_on","category","enterprise_id","conclusion","reported_on");--> statement-breakpoint
CREATE INDEX "cases_report_idx" ON "cases" USING btree ("campaign_id","region_code","lead_on","product_category","violation_category","filed_on","decided_on","transfer_kind","transferred_on","fine_yuan","confiscation_yuan","units_investigated","staff_dispatched");