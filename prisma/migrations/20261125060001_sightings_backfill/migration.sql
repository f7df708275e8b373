-- Backfill the sighting tables from the events and snapshots stored before they existed.
INSERT INTO "cmid_sighting" ("cmid", "machine", "kms_host", "first_seen_at", "last_seen_at")
SELECT x.cmid, x.machine, coalesce(x.kms_host, ''), min(x.at), max(x.at) FROM (
  SELECT e.cmid, e.client_fqdn AS machine, h.fqdn AS kms_host, e.time_created AS at
    FROM "activation_event" e JOIN "machine" h ON h.id = e.machine_id
   WHERE e.event_id = 12290 AND e.cmid IS NOT NULL AND e.client_fqdn IS NOT NULL
  UNION ALL
  SELECT e.cmid, m.fqdn, e.kms_host, e.time_created
    FROM "activation_event" e JOIN "machine" m ON m.id = e.machine_id
   WHERE e.event_id = 12288 AND e.cmid IS NOT NULL
  UNION ALL
  SELECT s.cmid, m.fqdn, s.kms_host, s.last_seen_at
    FROM "snapshot" s JOIN "machine" m ON m.id = s.machine_id
   WHERE s.cmid IS NOT NULL AND NOT s.is_kms_host
) x
GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;

INSERT INTO "kms_host_sighting" ("host", "source", "client", "first_seen_at", "last_seen_at")
SELECT x.host, x.source, x.client, min(x.at), max(x.at) FROM (
  SELECT s.kms_host AS host,
         CASE s.kms_host_source WHEN 'registered' THEN 'client registered (/skms)' ELSE 'client DNS discovery' END AS source,
         m.fqdn AS client, s.last_seen_at AS at
    FROM "snapshot" s JOIN "machine" m ON m.id = s.machine_id
   WHERE s.kms_host IS NOT NULL AND NOT s.is_kms_host
  UNION ALL
  SELECT e.kms_host, 'client 12288 request', m.fqdn, e.time_created
    FROM "activation_event" e JOIN "machine" m ON m.id = e.machine_id
   WHERE e.event_id = 12288 AND e.kms_host IS NOT NULL
) x
GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
