CREATE TABLE "risk_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid,
	"region_code" char(6)
);
--> statement-breakpoint
CREATE TABLE "risk_score_parts" (
	"enterprise_id" uuid,
	"category" text,
	"region_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"signals" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"scored_on" date NOT NULL,
	"model_at" timestamp with time zone NOT NULL,
	"last_full_at" timestamp with time zone NOT NULL,
	"last_full_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "risk_score_parts_enterprise_idx" ON "risk_score_parts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "risk_score_parts_region_idx" ON "risk_score_parts" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "complaints_untargeted_idx" ON "complaints" USING btree ("target_region_code") WHERE target_enterprise_id is null;
--> statement-breakpoint
-- Risk signals changed since the kept scores were computed: the enterprise whose parts to
-- recompute, or for a signal without an enterprise, its region. An update counts only when
-- something a score reads changed (a batch moving through the lab does not).
CREATE FUNCTION shijian_risk_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sampling_records' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM new_rows WHERE conclusion = 'nonconforming';
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM old_rows;
    ELSE
      INSERT INTO risk_changes (enterprise_id, region_code)
        SELECT DISTINCT x.e, CASE WHEN x.e IS NULL THEN x.r END FROM (
          SELECT n.enterprise_id AS e, n.region_code AS r FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.conclusion, n.reported_on, n.enterprise_id, n.category, n.region_code) IS DISTINCT FROM (o.conclusion, o.reported_on, o.enterprise_id, o.category, o.region_code)
          UNION ALL
          SELECT o.enterprise_id, o.region_code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.conclusion, n.reported_on, n.enterprise_id, n.category, n.region_code) IS DISTINCT FROM (o.conclusion, o.reported_on, o.enterprise_id, o.category, o.region_code)) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'complaints' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT target_enterprise_id, CASE WHEN target_enterprise_id IS NULL THEN target_region_code END FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT target_enterprise_id, CASE WHEN target_enterprise_id IS NULL THEN target_region_code END FROM old_rows;
    ELSE
      INSERT INTO risk_changes (enterprise_id, region_code)
        SELECT DISTINCT x.e, CASE WHEN x.e IS NULL THEN x.r END FROM (
          SELECT n.target_enterprise_id AS e, n.target_region_code AS r FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.kind, n.status, n.received_on, n.target_enterprise_id, n.product_category, n.target_region_code) IS DISTINCT FROM (o.kind, o.status, o.received_on, o.target_enterprise_id, o.product_category, o.target_region_code)
          UNION ALL
          SELECT o.target_enterprise_id, o.target_region_code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.kind, n.status, n.received_on, n.target_enterprise_id, n.product_category, n.target_region_code) IS DISTINCT FROM (o.kind, o.status, o.received_on, o.target_enterprise_id, o.product_category, o.target_region_code)) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'cases' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT party_enterprise_id, CASE WHEN party_enterprise_id IS NULL THEN region_code END FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT party_enterprise_id, CASE WHEN party_enterprise_id IS NULL THEN region_code END FROM old_rows;
    ELSE
      INSERT INTO risk_changes (enterprise_id, region_code)
        SELECT DISTINCT x.e, CASE WHEN x.e IS NULL THEN x.r END FROM (
          SELECT n.party_enterprise_id AS e, n.region_code AS r FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.stage, n.lead_on, n.party_enterprise_id, n.product_category, n.region_code) IS DISTINCT FROM (o.stage, o.lead_on, o.party_enterprise_id, o.product_category, o.region_code)
          UNION ALL
          SELECT o.party_enterprise_id, o.region_code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.stage, n.lead_on, n.party_enterprise_id, n.product_category, n.region_code) IS DISTINCT FROM (o.stage, o.lead_on, o.party_enterprise_id, o.product_category, o.region_code)) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'recalls' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM old_rows;
    ELSE
      INSERT INTO risk_changes (enterprise_id, region_code)
        SELECT DISTINCT x.e, CASE WHEN x.e IS NULL THEN x.r END FROM (
          SELECT n.enterprise_id AS e, n.region_code AS r FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.status, n.reported_on, n.enterprise_id, n.product_category, n.region_code) IS DISTINCT FROM (o.status, o.reported_on, o.enterprise_id, o.product_category, o.region_code)
          UNION ALL
          SELECT o.enterprise_id, o.region_code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.status, n.reported_on, n.enterprise_id, n.product_category, n.region_code) IS DISTINCT FROM (o.status, o.reported_on, o.enterprise_id, o.product_category, o.region_code)) x;
    END IF;
  ELSIF TG_TABLE_NAME = 'risk_opinions' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO risk_changes (enterprise_id, region_code) SELECT DISTINCT enterprise_id, CASE WHEN enterprise_id IS NULL THEN region_code END FROM old_rows;
    ELSE
      INSERT INTO risk_changes (enterprise_id, region_code)
        SELECT DISTINCT x.e, CASE WHEN x.e IS NULL THEN x.r END FROM (
          SELECT n.enterprise_id AS e, n.region_code AS r FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.published_on, n.enterprise_id, n.category, n.region_code) IS DISTINCT FROM (o.published_on, o.enterprise_id, o.category, o.region_code)
          UNION ALL
          SELECT o.enterprise_id, o.region_code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.published_on, n.enterprise_id, n.category, n.region_code) IS DISTINCT FROM (o.published_on, o.enterprise_id, o.category, o.region_code)) x;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sampling_records_risk_insert AFTER INSERT ON sampling_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER sampling_records_risk_update AFTER UPDATE ON sampling_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER sampling_records_risk_delete AFTER DELETE ON sampling_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER complaints_risk_insert AFTER INSERT ON complaints REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER complaints_risk_update AFTER UPDATE ON complaints REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER complaints_risk_delete AFTER DELETE ON complaints REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER cases_risk_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER cases_risk_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER cases_risk_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER recalls_risk_insert AFTER INSERT ON recalls REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER recalls_risk_update AFTER UPDATE ON recalls REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER recalls_risk_delete AFTER DELETE ON recalls REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER risk_opinions_risk_insert AFTER INSERT ON risk_opinions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER risk_opinions_risk_update AFTER UPDATE ON risk_opinions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
--> statement-breakpoint
CREATE TRIGGER risk_opinions_risk_delete AFTER DELETE ON risk_opinions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shijian_risk_touch();
