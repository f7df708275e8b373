-- Event columns no page, finding, export, bundle or job reads (checked with a search of lib/, app/, scripts/
-- and the migrations' views): the computer name, the 12288/12289 status code, the client's clock, the minutes
-- to expiry, the 12289 activation/renewal intervals and the arrival time. Each stays in the event's XML
-- (raw_xml_packed), which the support bundle gives back as received. ~70 bytes of a ~400-byte row.
-- DROP COLUMN only marks them dropped: rows stored before keep their bytes until rewritten (VACUUM FULL or
-- pg_repack on a large table, at a quiet hour); new rows no longer carry them.
ALTER TABLE "activation_event"
    DROP COLUMN "computer",
    DROP COLUMN "status",
    DROP COLUMN "client_time",
    DROP COLUMN "minutes_to_expiry",
    DROP COLUMN "activation_interval_min",
    DROP COLUMN "renewal_interval_min",
    DROP COLUMN "ingested_at";
