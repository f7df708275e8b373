-- On a bad day thousands of alerts are open at once (a KMS host down: every client it serves). The alerts
-- page and the overview read one page of them and their counts, never all of them:
-- the active (not resolved) alerts in the page's order, so the first page is read in order and the scan
-- stops at its limit;
CREATE INDEX "alert_active_order_idx" ON "alert" (
    (CASE "severity" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END),
    ("subject_kind" <> 'host'),
    (("last_finding" -> 'subject') ->> 'fqdn'),
    "id")
    WHERE "state" <> 'resolved';
-- and what the counts group by and show, beside the state, so they are an index-only scan.
CREATE INDEX "alert_state_counts_idx" ON "alert" ("state", "rule_id", "severity", "subject_kind") INCLUDE ("title");
DROP INDEX IF EXISTS "alert_state_idx";
