-- Raw text packed with a preset dictionary (lib/core/deflate.ts packText, dictionaries in
-- lib/core/textDictionaries.ts): one byte naming the dictionary, then raw deflate primed with the words every
-- machine's text shares. A 12288 event of ~820 bytes was stored as is (PostgreSQL compresses only rows over
-- ~2 KB): packed it is ~100 bytes; a /dlv text deflated to ~700 bytes packs to ~170. Neither pglz nor lz4 can
-- do this (no dictionary, and they skip values this small). Rows stored before keep their form (deflate is
-- not available in SQL); readers take the packed column first (storedEventXml, storedText).

-- 1. Events: new rows fill raw_xml_packed and leave raw_xml null. Retention empties the XML of old events
--    as before: raw_xml = '' and raw_xml_packed null. Both steps are catalogue-only (no rewrite).
ALTER TABLE "activation_event" ADD COLUMN "raw_xml_packed" BYTEA;
ALTER TABLE "activation_event" ALTER COLUMN "raw_xml" DROP NOT NULL;

-- 2. Raw artifacts: new rows fill body_packed (body and body_deflate null). The check that a row not pruned
--    holds its text counts the new column; NOT VALID then VALIDATE keeps writes going while it is checked.
ALTER TABLE "raw_artifact" ADD COLUMN "body_packed" BYTEA;
ALTER TABLE "raw_artifact" DROP CONSTRAINT "raw_artifact_body_check";
ALTER TABLE "raw_artifact" ADD CONSTRAINT "raw_artifact_body_check"
    CHECK ("pruned_at" IS NOT NULL OR "body" IS NOT NULL OR "body_deflate" IS NOT NULL OR "body_packed" IS NOT NULL) NOT VALID;
ALTER TABLE "raw_artifact" VALIDATE CONSTRAINT "raw_artifact_body_check";
