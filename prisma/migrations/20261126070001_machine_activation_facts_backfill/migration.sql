-- Every machine with a KMS request, response or probe gets its facts row (re-runnable: rows are rewritten).
INSERT INTO "machine_activation_facts"
SELECT * FROM "machine_activation_facts_live" v
 WHERE v.request_at IS NOT NULL OR v.response_at IS NOT NULL OR v.probe_at IS NOT NULL
ON CONFLICT ("machine_id") DO UPDATE SET
  ("request_at", "request_hresult", "request_host", "request_port", "request_answered", "response_at",
   "response_hresult", "response_activated", "response_host_count", "response_min_count", "renewal_at",
   "probe_at", "probe_srv_found", "probe_tcp_ok", "probe_host", "probe_port") =
  (EXCLUDED."request_at", EXCLUDED."request_hresult", EXCLUDED."request_host", EXCLUDED."request_port",
   EXCLUDED."request_answered", EXCLUDED."response_at", EXCLUDED."response_hresult", EXCLUDED."response_activated",
   EXCLUDED."response_host_count", EXCLUDED."response_min_count", EXCLUDED."renewal_at", EXCLUDED."probe_at",
   EXCLUDED."probe_srv_found", EXCLUDED."probe_tcp_ok", EXCLUDED."probe_host", EXCLUDED."probe_port");
