-- How far ahead of the server's clock a machine's last check-in was dated (lib/ingest/clockPolicy.ts).
ALTER TABLE "machine" ADD COLUMN "clock_ahead_ms" DOUBLE PRECISION;
