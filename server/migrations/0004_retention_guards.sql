-- Records of the lab are kept at least six years and original data are never rewritten.
-- These guards hold even for SQL that bypasses the application (only a superuser who
-- switches triggers off can get past them, and the audit chain still shows the change).

CREATE OR REPLACE FUNCTION shijian_refuse_lab_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keep date;
BEGIN
  IF TG_TABLE_NAME = 'samples' THEN
    keep := OLD.keep_until;
  ELSIF TG_TABLE_NAME = 'test_results' THEN
    SELECT s.keep_until INTO keep FROM sample_tests t JOIN samples s ON s.id = t.sample_id WHERE t.id = OLD.sample_test_id;
  ELSE
    SELECT s.keep_until INTO keep FROM samples s WHERE s.id = OLD.sample_id;
  END IF;
  IF keep IS NULL OR keep > current_date THEN
    RAISE EXCEPTION '原始记录和报告须保存6年，% 的记录在 % 之前不得删除', TG_TABLE_NAME, keep USING ERRCODE = 'P0001';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER samples_retention BEFORE DELETE ON samples FOR EACH ROW EXECUTE FUNCTION shijian_refuse_lab_delete();
--> statement-breakpoint
CREATE TRIGGER sample_tests_retention BEFORE DELETE ON sample_tests FOR EACH ROW EXECUTE FUNCTION shijian_refuse_lab_delete();
--> statement-breakpoint
CREATE TRIGGER test_results_retention BEFORE DELETE ON test_results FOR EACH ROW EXECUTE FUNCTION shijian_refuse_lab_delete();
--> statement-breakpoint
CREATE TRIGGER sample_events_retention BEFORE DELETE ON sample_events FOR EACH ROW EXECUTE FUNCTION shijian_refuse_lab_delete();
--> statement-breakpoint
CREATE TRIGGER reports_retention BEFORE DELETE ON reports FOR EACH ROW EXECUTE FUNCTION shijian_refuse_lab_delete();
--> statement-breakpoint

-- Original records are append-only: a correction is a new version, never an update.
CREATE OR REPLACE FUNCTION shijian_refuse_result_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '原始记录不得修改：更正须以新版本录入并说明原因' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER test_results_append_only BEFORE UPDATE ON test_results FOR EACH ROW EXECUTE FUNCTION shijian_refuse_result_update();
--> statement-breakpoint

-- An issued report is never edited; the only change is being superseded by its amendment.
CREATE OR REPLACE FUNCTION shijian_refuse_report_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' AND NEW.status = 'superseded'
     AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '已签发的报告不得修改：如有错误请提出更正，由新版本替代' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_immutable BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION shijian_refuse_report_update();
