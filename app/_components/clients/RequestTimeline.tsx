"use client";
// 12288 (client request) / 12289 (host response) pairs, newest first. A 12288 without a 12289 means
// the KMS host was never reached: highlighted, with what its HRESULT means.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useHresultMeaning } from "@/app/_components/useHresultMeaning";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { hostPort } from "@/lib/present/format/channel";
import styles from "./clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

type Pair = ClientDetail["timeline"][number];

/** Why an answered request did not activate: the HRESULT's meaning, or the count when the HRESULT is "success". */
function refusal(pair: Pair, t: ReturnType<typeof useTranslations<"timeline">>): string {
  const count = pair.response?.hostCurrentCount;
  const need = pair.request?.minCount;
  if (pair.hresultMeaning && hresultOf(pair) !== "0x00000000") return pair.hresultMeaning;
  if (count !== null && count !== undefined && need && count < need) return t("countBelow");
  return t("noReason");
}

const FIRST = 20;

const hresultOf = (pair: Pair) => pair.request?.hresult ?? pair.response?.hresult ?? null;

function Outcome({ pair }: { pair: Pair }) {
  const t = useTranslations("timeline");
  const r = pair.response;
  if (!pair.answered) {
    return (
      <span className={styles.critical}>
        {t("noAnswer")}
        {pair.hresultMeaning ? ` – ${pair.hresultMeaning}` : ""}
      </span>
    );
  }
  if (!r) return <span>{t("answered")}</span>;
  const count = r.hostCurrentCount !== null ? t("hostCount", { count: r.hostCurrentCount }) : null;
  const need = pair.request?.minCount ? t("needs", { count: pair.request.minCount }) : null;
  return (
    <span>
      {r.activated === true ? (
        <span className="badge ok">{t("activated")}</span>
      ) : r.activated === false ? (
        <span className="badge warning">{t("notActivated")}</span>
      ) : (
        t("answered")
      )}{" "}
      {[count, need].filter(Boolean).join(", ")}
      {r.activated === false && <span className="muted"> – {refusal(pair, t)}</span>}
    </span>
  );
}

export function RequestTimeline({ timeline }: { timeline: ClientDetail["timeline"] }) {
  const t = useTranslations("timeline");
  const meaning = useHresultMeaning();
  const [all, setAll] = useState(false);
  if (timeline.length === 0) return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
  const unanswered = timeline.filter((p) => !p.answered).length;
  const shown = (all ? timeline : timeline.slice(0, FIRST)).map((p) => ({ ...p, hresultMeaning: meaning(hresultOf(p), p.hresultMeaning) }));
  return (
    <>
      <p className="muted small">
        {t("requests", { count: timeline.length })}{" "}
        {unanswered === 0 ? t("allAnswered") : <span className={styles.critical}>{t("unanswered", { count: unanswered })}</span>}
      </p>
      <DataTable columns={[t("colTime"), t("colRequest"), t("colHost"), "HRESULT", t("colResponse")]}>
        {shown.map((p, i) => (
          <tr key={`${p.at}-${i}`} className={p.answered ? undefined : styles.unanswered}>
            <WhenCell iso={p.at} show="date" />
            <td>
              {p.request ? (
                <>
                  {t("sent")}
                  {p.request.licenseStatus ? ` (${p.request.licenseStatus})` : ""}
                </>
              ) : (
                <span className="muted">{t("noRequest")}</span>
              )}
            </td>
            <td className={styles.mono}>
              {p.request?.kmsHost ? (
                <a href={`/audit/hosts/${encodeURIComponent(p.request.kmsHost)}`}>{hostPort(p.request.kmsHost, p.request.kmsPort)}</a>
              ) : (
                "—"
              )}
            </td>
            <td className={styles.mono} title={p.hresultMeaning ?? undefined}>
              {hresultOf(p) ?? "—"}
            </td>
            <td>
              <Outcome pair={p} />
            </td>
          </tr>
        ))}
      </DataTable>
      {timeline.length > FIRST && (
        <button type="button" className={styles.secondary} onClick={() => setAll(!all)}>
          {all ? t("showLatest", { count: FIRST }) : t("showAll", { count: timeline.length })}
        </button>
      )}
    </>
  );
}
