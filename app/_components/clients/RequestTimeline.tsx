"use client";
// 12288 (client request) / 12289 (host response) pairs, newest first. A 12288 without a 12289 means
// the KMS host was never reached: highlighted, with what its HRESULT means.
import { useState } from "react";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { hostPort } from "@/lib/present/format/channel";
import { formatDateTime } from "@/lib/present/format/expiry";
import styles from "./clients.module.css";

type Pair = ClientDetail["timeline"][number];

/** Why an answered request did not activate: the HRESULT's meaning, or the count when the HRESULT is "success". */
function refusal(pair: Pair): string {
  const count = pair.response?.hostCurrentCount;
  const need = pair.request?.minCount;
  if (pair.hresultMeaning && pair.hresultMeaning !== "Success") return pair.hresultMeaning;
  if (count !== null && count !== undefined && need && count < need) return "host count below the minimum";
  return "reason not reported";
}

const FIRST = 20;

function Outcome({ pair }: { pair: Pair }) {
  const r = pair.response;
  if (!pair.answered) {
    return (
      <span className={styles.critical}>
        No answer (no 12289): the KMS host was not reached{pair.hresultMeaning ? ` – ${pair.hresultMeaning}` : ""}
      </span>
    );
  }
  if (!r) return <span>answered</span>;
  const count = r.hostCurrentCount !== null ? `host count ${r.hostCurrentCount}` : null;
  const need = pair.request?.minCount ? `needs ${pair.request.minCount}` : null;
  return (
    <span>
      {r.activated === true ? (
        <span className="badge ok">activated</span>
      ) : r.activated === false ? (
        <span className="badge warning">not activated</span>
      ) : (
        "answered"
      )}{" "}
      {[count, need].filter(Boolean).join(", ")}
      {r.activated === false && <span className="muted"> – {refusal(pair)}</span>}
    </span>
  );
}

export function RequestTimeline({ timeline }: { timeline: ClientDetail["timeline"] }) {
  const [all, setAll] = useState(false);
  if (timeline.length === 0) {
    return (
      <p className="muted">
        No 12288/12289 events yet. Collect the Application log (events 12288 and 12289) with the agent, or run <code>slmgr.vbs /ato</code>{" "}
        on the client to make one.
      </p>
    );
  }
  const unanswered = timeline.filter((p) => !p.answered).length;
  const shown = all ? timeline : timeline.slice(0, FIRST);
  return (
    <>
      <p className="muted small">
        {timeline.length} request(s), {unanswered === 0 ? "all answered" : <span className={styles.critical}>{unanswered} unanswered</span>}
        .
      </p>
      <div className={styles.scroll}>
        <table>
          <thead>
            <tr>
              <th>Time</th>
              <th>Request (12288)</th>
              <th>KMS host:port</th>
              <th>HRESULT</th>
              <th>Response (12289)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.at}-${i}`} className={p.answered ? undefined : styles.unanswered}>
                <td>{formatDateTime(p.at)}</td>
                <td>
                  {p.request ? (
                    <>sent{p.request.licenseStatus ? ` (${p.request.licenseStatus})` : ""}</>
                  ) : (
                    <span className="muted">no 12288 logged</span>
                  )}
                </td>
                <td className={styles.mono}>{hostPort(p.request?.kmsHost, p.request?.kmsPort)}</td>
                <td className={styles.mono} title={p.hresultMeaning ?? undefined}>
                  {p.request?.hresult ?? p.response?.hresult ?? "—"}
                </td>
                <td>
                  <Outcome pair={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {timeline.length > FIRST && (
        <button type="button" className={styles.secondary} onClick={() => setAll(!all)}>
          {all ? `Show the latest ${FIRST} only` : `Show all ${timeline.length}`}
        </button>
      )}
    </>
  );
}
