-- A snapshot's product fields that no column holds and no query reads (description, trusted time, rearm counts,
-- intervals, a host's request counters...) move out of the `parsed` jsonb into a packed JSON text
-- (lib/kms/storedProduct.ts storedParsedParts, dictionary 4 of lib/core/textDictionaries.ts): ~300 bytes of
-- jsonb become ~70. `parsed` keeps the fields SQL reads (sqlReadParsedFields; a unit test checks every
-- `parsed->>'…'` of lib/ and of the migrations against that list). Rows stored before keep their jsonb whole
-- (parsed_packed null); storedProductOf reads both. Catalogue-only (no rewrite).
ALTER TABLE "snapshot" ADD COLUMN "parsed_packed" BYTEA;
