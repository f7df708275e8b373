-- Each served client's latest request carries the columns the host page shows (CMID, product, minimum count,
-- license state, VM, result), kept by ingest with last_request_at. The host page then reads one index range of
-- this table (a few thousand narrow rows) instead of each client's latest 12290 among every request the host
-- ever logged: at 100,000 clients / 20 hosts / 90 days the planner sorted a host's 64,000 requests on disk
-- (p95 142 ms, bench run 2026-12-05-1308), and which plan it picks depends on statistics and visibility.
ALTER TABLE "host_served_client"
    ADD COLUMN "cmid" TEXT,
    ADD COLUMN "activation_id" TEXT,
    ADD COLUMN "min_count" INTEGER,
    ADD COLUMN "license_status" TEXT,
    ADD COLUMN "is_vm" BOOLEAN,
    ADD COLUMN "hresult" TEXT;
