-- A KMS host's clients page reads each client's latest request: in (client, time) order from this index,
-- with the columns the page shows, so the first 100 clients cost their own entries and the per-host summary
-- one ordered pass, instead of fetching and sorting every request of the window from the heap.
CREATE INDEX "activation_event_host_client_idx" ON "activation_event"("machine_id", "client_fqdn", "time_created" DESC)
    INCLUDE ("cmid", "activation_id", "min_count", "license_status", "is_vm", "hresult")
    WHERE "event_id" = 12290 AND "client_fqdn" IS NOT NULL;
