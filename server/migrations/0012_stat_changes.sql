-- Where the records behind the statistics change: every statement that inserts, updates or
-- deletes a source row appends the regions it touched to stat_changes, with its transaction id,
-- in the same transaction. The aggregate cache (modules/reporting/cache.ts) asks which regions
-- changed since it computed them. Appending takes no row lock, so writers never wait on each
-- other or deadlock here.
CREATE TABLE "stat_changes" (
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"region_code" char(6) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_horizon" (
	"id" integer PRIMARY KEY NOT NULL,
	"xid" "xid8" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stat_changes_xid_idx" ON "stat_changes" USING btree ("xid","region_code");--> statement-breakpoint
INSERT INTO "stat_horizon" ("id", "xid") VALUES (1, '0');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shijian_stat_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0] names what else a row of this table changes: 'case' and 'listing' (the
  -- institution check that opened the case counts it), 'instrument' (a verification counts in its instrument's region), 'plan'
  -- (a plan moved to another campaign moves its batches).
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF TG_ARGV[0] = 'instrument' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT i.region_code FROM new_rows n JOIN instruments i ON i.id = n.instrument_id;
    ELSIF TG_ARGV[0] = 'plan' THEN
      INSERT INTO stat_changes (region_code)
        SELECT DISTINCT r.region_code FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN sampling_records r ON r.plan_id = n.id
        WHERE o.campaign_id IS DISTINCT FROM n.campaign_id;
    ELSE
      INSERT INTO stat_changes (region_code) SELECT DISTINCT region_code FROM new_rows WHERE region_code IS NOT NULL;
    END IF;
    IF TG_ARGV[0] = 'case' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT c.region_code FROM new_rows n JOIN institution_checks c ON c.case_id = n.id;
    ELSIF TG_ARGV[0] = 'listing' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT c.region_code FROM new_rows n JOIN institution_checks c ON c.case_id = n.case_id;
    END IF;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    IF TG_ARGV[0] = 'instrument' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT i.region_code FROM old_rows o JOIN instruments i ON i.id = o.instrument_id;
    ELSIF TG_ARGV[0] <> 'plan' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT region_code FROM old_rows WHERE region_code IS NOT NULL;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER screenings_stat_insert AFTER INSERT ON screenings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER screenings_stat_update AFTER UPDATE ON screenings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER screenings_stat_delete AFTER DELETE ON screenings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER sampling_records_stat_insert AFTER INSERT ON sampling_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER sampling_records_stat_update AFTER UPDATE ON sampling_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER sampling_records_stat_delete AFTER DELETE ON sampling_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER institution_checks_stat_insert AFTER INSERT ON institution_checks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER institution_checks_stat_update AFTER UPDATE ON institution_checks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER institution_checks_stat_delete AFTER DELETE ON institution_checks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER cases_stat_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('case');
--> statement-breakpoint
CREATE TRIGGER cases_stat_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('case');
--> statement-breakpoint
CREATE TRIGGER cases_stat_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('case');
--> statement-breakpoint
CREATE TRIGGER dishonesty_listings_stat_insert AFTER INSERT ON dishonesty_listings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('listing');
--> statement-breakpoint
CREATE TRIGGER dishonesty_listings_stat_update AFTER UPDATE ON dishonesty_listings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('listing');
--> statement-breakpoint
CREATE TRIGGER dishonesty_listings_stat_delete AFTER DELETE ON dishonesty_listings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('listing');
--> statement-breakpoint
CREATE TRIGGER instrument_verifications_stat_insert AFTER INSERT ON instrument_verifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('instrument');
--> statement-breakpoint
CREATE TRIGGER instrument_verifications_stat_update AFTER UPDATE ON instrument_verifications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('instrument');
--> statement-breakpoint
CREATE TRIGGER instrument_verifications_stat_delete AFTER DELETE ON instrument_verifications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('instrument');
--> statement-breakpoint
CREATE TRIGGER instruments_stat_insert AFTER INSERT ON instruments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER instruments_stat_update AFTER UPDATE ON instruments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER instruments_stat_delete AFTER DELETE ON instruments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER sampling_plans_stat_update AFTER UPDATE ON sampling_plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('plan');
