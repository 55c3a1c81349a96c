-- The catalogue's words are matched against one lower-case column (a plain LIKE per row instead
-- of three ILIKEs that lower-case every row on every search). service_items is new in this
-- release (0013), so no audited row exists before this column: nothing to re-baseline.
ALTER TABLE "service_items" ADD COLUMN "search_text" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "service_items" SET "search_text" = lower("name" || ' ' || "parameters" || ' ' || array_to_string("standards", ' '));--> statement-breakpoint
ALTER TABLE "service_items" ALTER COLUMN "search_text" DROP DEFAULT;
