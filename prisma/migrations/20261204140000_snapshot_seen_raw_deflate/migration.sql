-- Storage, round 2 (issue #20; figures in docs/scaling.md).
--
-- 1. When a snapshot was last seen moves out of the ~2 KB snapshot row into a narrow table. An unchanged
--    check-in moves it every hour for every current snapshot: in snapshot it needed a tenth of every page
--    kept free (fillfactor 90) for the row's next version, and each move wrote a 2 KB version. Here a move
--    writes ~50 bytes, and snapshot rows never change once stored, so their pages are filled again.
CREATE TABLE "snapshot_seen" (
    "snapshot_id" UUID NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "snapshot_seen_pkey" PRIMARY KEY ("snapshot_id"),
    CONSTRAINT "snapshot_seen_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "snapshot_seen" ("snapshot_id", "last_seen_at") SELECT "id", "last_seen_at" FROM "snapshot";
ALTER TABLE "snapshot" DROP COLUMN "last_seen_at";
-- Narrow rows, about 150 a page: a fifth of each page free keeps the hourly moves on their page (HOT).
ALTER TABLE "snapshot_seen" SET (fillfactor = 80);
ALTER TABLE "snapshot" SET (fillfactor = 100);

-- 2. Raw artifacts compressed by the server (raw deflate, lib/core/deflate.ts). PostgreSQL compresses a value
--    only when its row exceeds ~2 KB (TOAST_TUPLE_THRESHOLD; toast_tuple_target cannot lower it), and a /dlv
--    text is 1.5-3 KB: most were stored as they came. New artifacts fill body_deflate and leave body null;
--    rows stored before keep their text (deflate is not available in SQL). Retention (lib/evaluate/jobs/
--    retention.ts) empties both after KMSWATCH_RETAIN_RAW_DAYS and records when in pruned_at.
ALTER TABLE "raw_artifact" ALTER COLUMN "body" DROP NOT NULL;
ALTER TABLE "raw_artifact" ADD COLUMN "body_deflate" BYTEA;
ALTER TABLE "raw_artifact" ADD COLUMN "pruned_at" TIMESTAMPTZ(3);
ALTER TABLE "raw_artifact" ADD CONSTRAINT "raw_artifact_body_check"
    CHECK ("pruned_at" IS NOT NULL OR "body" IS NOT NULL OR "body_deflate" IS NOT NULL);

-- 3. Where the server's PostgreSQL was built with lz4 (most packaged ones; the embedded one is not), the
--    values that do reach TOAST (large CIM documents, wide parsed products, event XML of big hosts) use it:
--    faster than pglz at a similar ratio. Elsewhere pglz stays, silently.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "raw_artifact" ALTER COLUMN "body" SET COMPRESSION lz4;
    ALTER TABLE "snapshot" ALTER COLUMN "parsed" SET COMPRESSION lz4;
    ALTER TABLE "activation_event" ALTER COLUMN "raw_xml" SET COMPRESSION lz4;
  END IF;
END $$;
