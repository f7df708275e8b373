-- A snapshot row is about 2 KB (its parsed product as jsonb), so a full page holds four with no room for a
-- fifth version: the hourly last_seen_at move of an unchanged check-in could not stay on the row's page even
-- with no index naming the column (20261126090000). At 90% new pages keep one version's room; measured on
-- 300k snapshots of the 100k-client bench fleet, moving last_seen_at went from 0% to 93% HOT, 3x faster, and
-- wrote a ninth of the WAL (280 bytes instead of 2.5 KB per move). Costs a third more heap per page of
-- snapshots (three rows instead of four), which churn without it would leave as dead space anyway.
-- Applies to pages written from now on; no rewrite.
ALTER TABLE "snapshot" SET (fillfactor = 90);
