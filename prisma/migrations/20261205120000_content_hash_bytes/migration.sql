-- Content hashes (SHA-256) stored as their 32 bytes instead of 64 hex characters: 65 → 33 bytes in every
-- raw_artifact and snapshot row, and in the (machine_id, content_hash) unique key of raw_artifact (~100 bytes
-- per check-in that stored something). Ingest compares them in SQL or hands them over as bytes
-- (lib/ingest/storeSnapshot.ts, touchUnchanged.ts); nothing displays them. Rows stored before are converted
-- here (a rewrite of both tables): every hash ingest wrote is lowercase hex and becomes its bytes; any other
-- text (written by hand) keeps its UTF-8 bytes, so the conversion never fails.
ALTER TABLE "raw_artifact" ALTER COLUMN "content_hash" TYPE BYTEA
  USING CASE WHEN "content_hash" ~ '^([0-9a-f]{2})+$' THEN decode("content_hash", 'hex') ELSE convert_to("content_hash", 'UTF8') END;
ALTER TABLE "snapshot" ALTER COLUMN "content_hash" TYPE BYTEA
  USING CASE WHEN "content_hash" ~ '^([0-9a-f]{2})+$' THEN decode("content_hash", 'hex') ELSE convert_to("content_hash", 'UTF8') END;
