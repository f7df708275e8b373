-- The hosts and clients tables show each machine's worst open finding, and the clients table can sort by it:
-- one probe per row by machine over the alerts not resolved. The unique (rule_id, machine_id) index cannot serve
-- a lookup by machine alone; resolved history (which only grows) stays out of this one.
CREATE INDEX "alert_machine_open_idx" ON "alert" ("machine_id", "severity") WHERE "state" <> 'resolved';
