-- activation_event only grows (rows are never updated), and the host summaries read it index-only
-- (activation_event_host_client_idx): a request stored since the table's last vacuum is not yet all-visible,
-- so reading it costs a heap visit. With the default insert trigger (20% of the table) a large table went days
-- between vacuums, and a host's distinct-client count over 25,000 fresh requests took 240 ms where 64,000
-- vacuumed ones take 40 ms. Vacuum after every 20,000 inserted rows instead: such a vacuum reads only the new
-- pages, and with no dead rows it skips the indexes.
ALTER TABLE "activation_event" SET (autovacuum_vacuum_insert_threshold = 20000, autovacuum_vacuum_insert_scale_factor = 0);
