"use client";
// Count trend (reported, reconstructed, forecast, thresholds) and request counters of a KMS host, with a range
// selector kept in the URL (?range=90d) so a shared link shows the same chart.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { CollapsibleSection } from "@/app/_components/CollapsibleSection";
import { HostCountTrendChart } from "@/app/_components/charts/HostCountTrendChart";
import { RequestsChart } from "@/app/_components/charts/RequestsChart";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useRenderMessage } from "@/app/_components/useRenderMessage";
import { COUNT_THRESHOLDS, prepareHostTrend, summarizeTrend } from "@/lib/present/charts/prepareHostTrend";
import { prepareRequestsChart } from "@/lib/present/charts/prepareRequestsChart";
import { useHostTrendQuery, type TrendRange } from "@/lib/client/useHostTrendQuery";
import type { HostCountTrend } from "@/lib/read/hosts/getHostCountTrend";
import styles from "./HostTrendSection.module.css";

const RANGES: readonly TrendRange[] = ["7d", "30d", "90d"];
const parseRange = (value: string | null): TrendRange => RANGES.find((r) => r === value) ?? "30d";

function TrendNotes({ data, gap }: { data: HostCountTrend; gap: number | null }) {
  const t = useTranslations("hostTrend");
  const format = useFormatter();
  const render = useRenderMessage();
  return (
    <div className={styles.notes}>
      {gap !== null && gap > 0 && (
        <div>
          <span className="badge warning">{t("gapBadge")}</span> {t("gapText", { gap })}
        </div>
      )}
      {data.crossesBelow ? (
        <div>
          <span className="badge critical">{t("forecastBadge")}</span>{" "}
          {t.rich("forecastText", {
            threshold: data.crossesBelow.threshold,
            date: format.dateTime(new Date(data.crossesBelow.at), { dateStyle: "medium", timeZone: "UTC" }),
            strong: (c) => <strong>{c}</strong>,
            when: () => <TimeAgo iso={data.crossesBelow?.at ?? null} />,
          })}
        </div>
      ) : (
        <div className={data.outlook.state === "below" ? undefined : "muted small"}>
          {data.outlook.state === "below" && <span className="badge critical">{t("forecastBadge")}</span>}{" "}
          {render(data.outlook.message) ?? data.outlook.text}
        </div>
      )}
      {data.serverOnly && <div className="muted small">{t("serverOnly")}</div>}
    </div>
  );
}

function TrendCharts({ data }: { data: HostCountTrend }) {
  const t = useTranslations("hostTrend");
  const format = useFormatter();
  const trend = prepareHostTrend(data);
  const summary = summarizeTrend(trend.rows);
  const requestRows = prepareRequestsChart(data.requests);
  const hasRequests = requestRows.some((r) => r.totalRequests !== null);
  const day = (value: number) => format.dateTime(new Date(value), { dateStyle: "medium", timeZone: "UTC" });
  const countSummary = summary
    ? t("summary", {
        from: day(summary.from),
        to: day(summary.to),
        latest: summary.latest,
        min: summary.min,
        max: summary.max,
        clientOs: COUNT_THRESHOLDS.clientOs,
      })
    : t("noCount");
  return (
    <>
      <TrendNotes data={data} gap={trend.gapDays} />
      {trend.rows.length === 0 ? (
        <p className="muted">{t("noCount")}</p>
      ) : (
        <figure className="chartFigure">
          <HostCountTrendChart trend={trend} />
          <figcaption className="muted small">{countSummary}</figcaption>
        </figure>
      )}
      <h3>{t("requestsTitle")}</h3>
      {hasRequests ? (
        <figure className="chartFigure" aria-label={t("requestsTitle")}>
          <RequestsChart rows={requestRows} />
        </figure>
      ) : (
        <p className="muted">{t.rich("noRequests", { code: (c) => <code>{c}</code> })}</p>
      )}
    </>
  );
}

export function HostTrendSection({ hostId }: { hostId: string }) {
  const t = useTranslations("hostTrend");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = parseRange(params.get("range"));
  const setRange = (next: TrendRange) => {
    const qs = new URLSearchParams(params.toString());
    if (next === "30d") qs.delete("range");
    else qs.set("range", next);
    router.replace(qs.size > 0 ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const { data, isPending, error, isPlaceholderData } = useHostTrendQuery(hostId, range);
  return (
    <CollapsibleSection title={t("title")}>
      <div className="toolbar">
        <div className={styles.ranges} role="group" aria-label={t("range")}>
          {RANGES.map((r) => (
            <button key={r} type="button" aria-pressed={r === range} onClick={() => setRange(r)}>
              {t(`rangeLabel.${r}`)}
            </button>
          ))}
        </div>
        {isPlaceholderData && <span className="muted small">{t("loadingRange", { range: t(`rangeLabel.${range}`) })}</span>}
      </div>
      <LoadState isPending={isPending} error={error} what={t("what")} />
      {data && (
        <div className={isPlaceholderData ? styles.fetching : undefined}>
          <TrendCharts data={data} />
        </div>
      )}
    </CollapsibleSection>
  );
}
