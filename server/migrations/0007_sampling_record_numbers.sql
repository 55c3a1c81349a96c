-- Sampling record numbers (抽样单编号) from one sequence: unique at any scale, in the order written.
CREATE SEQUENCE IF NOT EXISTS sampling_record_no_seq;
