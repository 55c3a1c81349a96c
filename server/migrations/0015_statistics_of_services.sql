-- The service window and metrology feed notice 003's figures: on-site dispatches, certificates,
-- request lines (fees waived) and service items (whether an item is epidemic work) mark the
-- regions they touch, like the sources of migration 0012; request lines through their request.
CREATE OR REPLACE FUNCTION shijian_stat_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0] names what else a row of this table changes: 'case' and 'listing' (the
  -- institution check that opened the case counts it), 'instrument' (a verification counts in its instrument's region),
  -- 'request' (a request line counts in its request's region), 'plan'
  -- (a plan moved to another campaign moves its batches).
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF TG_ARGV[0] = 'instrument' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT i.region_code FROM new_rows n JOIN instruments i ON i.id = n.instrument_id;
    ELSIF TG_ARGV[0] = 'request' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT r.region_code FROM new_rows n JOIN service_requests r ON r.id = n.request_id;
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
    ELSIF TG_ARGV[0] = 'request' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT r.region_code FROM old_rows o JOIN service_requests r ON r.id = o.request_id;
    ELSIF TG_ARGV[0] <> 'plan' THEN
      INSERT INTO stat_changes (region_code) SELECT DISTINCT region_code FROM old_rows WHERE region_code IS NOT NULL;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER onsite_dispatches_stat_insert AFTER INSERT ON onsite_dispatches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER onsite_dispatches_stat_update AFTER UPDATE ON onsite_dispatches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER onsite_dispatches_stat_delete AFTER DELETE ON onsite_dispatches REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER verification_certificates_stat_insert AFTER INSERT ON verification_certificates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER verification_certificates_stat_update AFTER UPDATE ON verification_certificates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER verification_certificates_stat_delete AFTER DELETE ON verification_certificates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_items_stat_insert AFTER INSERT ON service_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_items_stat_update AFTER UPDATE ON service_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_items_stat_delete AFTER DELETE ON service_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_requests_stat_insert AFTER INSERT ON service_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_requests_stat_update AFTER UPDATE ON service_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_requests_stat_delete AFTER DELETE ON service_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('');
--> statement-breakpoint
CREATE TRIGGER service_request_lines_stat_insert AFTER INSERT ON service_request_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('request');
--> statement-breakpoint
CREATE TRIGGER service_request_lines_stat_update AFTER UPDATE ON service_request_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('request');
--> statement-breakpoint
CREATE TRIGGER service_request_lines_stat_delete AFTER DELETE ON service_request_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_stat_touch('request');
