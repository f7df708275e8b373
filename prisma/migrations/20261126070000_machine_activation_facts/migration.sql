-- The client diagnosis reads each client's latest KMS request (and whether a response followed within 10
-- minutes), latest response (with the minimum count of the request before it), last successful renewal and
-- latest probe. Read live that was five index probes per client, 500k per fleet-wide pass at 100k clients.
-- machine_activation_facts keeps them per machine: ingest rewrites a machine's row from
-- machine_activation_facts_live, the same reads for that one machine, in the transaction that stores its new
-- 12288/12289 events or probes. The view is the one definition: ingest, the backfill and the tests use it.
CREATE VIEW "machine_activation_facts_live" AS
SELECT m.id AS machine_id,
       rq.at AS request_at, rq.hresult AS request_hresult, rq.kms_host AS request_host, rq.kms_port AS request_port,
       rq.answered AS request_answered,
       rs.at AS response_at, rs.hresult AS response_hresult, rs.activated AS response_activated,
       rs.host_current_count AS response_host_count, rs.min_count AS response_min_count,
       rn.at AS renewal_at,
       pr.checked_at AS probe_at, pr.srv_found AS probe_srv_found, pr.tcp_ok AS probe_tcp_ok,
       pr.target_host AS probe_host, pr.target_port AS probe_port
  FROM "machine" m
  LEFT JOIN LATERAL (
    SELECT e.time_created AS at, e.hresult, e.kms_host, e.kms_port,
           EXISTS (SELECT 1 FROM "activation_event" r WHERE r.machine_id = m.id AND r.event_id = 12289
                      AND r.time_created BETWEEN e.time_created AND e.time_created + interval '10 minutes') AS answered
      FROM "activation_event" e WHERE e.machine_id = m.id AND e.event_id = 12288
     ORDER BY e.time_created DESC LIMIT 1) rq ON true
  LEFT JOIN LATERAL (
    SELECT r.time_created AS at, r.hresult, r.activated, r.host_current_count,
           (SELECT q.min_count FROM "activation_event" q WHERE q.machine_id = m.id AND q.event_id = 12288
               AND q.time_created <= r.time_created ORDER BY q.time_created DESC LIMIT 1) AS min_count
      FROM "activation_event" r WHERE r.machine_id = m.id AND r.event_id = 12289
     ORDER BY r.time_created DESC LIMIT 1) rs ON true
  LEFT JOIN LATERAL (
    SELECT max(r.time_created) AS at FROM "activation_event" r
     WHERE r.machine_id = m.id AND r.event_id = 12289 AND r.activated) rn ON true
  LEFT JOIN LATERAL (
    SELECT p.checked_at, p.srv_found, p.tcp_ok, p.target_host, p.target_port FROM "probe_result" p
     WHERE p.machine_id = m.id ORDER BY p.checked_at DESC LIMIT 1) pr ON true;

CREATE TABLE "machine_activation_facts" (
    "machine_id" UUID NOT NULL,
    "request_at" TIMESTAMPTZ(3),
    "request_hresult" TEXT,
    "request_host" TEXT,
    "request_port" INTEGER,
    "request_answered" BOOLEAN,
    "response_at" TIMESTAMPTZ(3),
    "response_hresult" TEXT,
    "response_activated" BOOLEAN,
    "response_host_count" INTEGER,
    "response_min_count" INTEGER,
    "renewal_at" TIMESTAMPTZ(3),
    "probe_at" TIMESTAMPTZ(3),
    "probe_srv_found" BOOLEAN,
    "probe_tcp_ok" BOOLEAN,
    "probe_host" TEXT,
    "probe_port" INTEGER,

    CONSTRAINT "machine_activation_facts_pkey" PRIMARY KEY ("machine_id")
);

ALTER TABLE "machine_activation_facts" ADD CONSTRAINT "machine_activation_facts_machine_id_fkey"
    FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
