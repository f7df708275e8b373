"use client";
// Count trend (reported, reconstructed, forecast, thresholds) and request counters of a KMS host, with a range selector.
import { useState } from "react";
import { HostCountTrendChart } from "@/app/_components/charts/HostCountTrendChart";
import { RequestsChart } from "@/app/_components/charts/RequestsChart";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { dayLabel, prepareHostTrend } from "@/lib/present/charts/prepareHostTrend";
import { prepareRequestsChart } from "@/lib/present/charts/prepareRequestsChart";
import { useHostTrendQuery, type TrendRange } from "@/lib/client/useHostTrendQuery";
import type { HostCountTrend } from "@/lib/read/hosts/getHostCountTrend";
import styles from "./HostTrendSection.module.css";

const RANGES: readonly TrendRange[] = ["7d", "30d", "90d"];

function TrendNotes({ data, gap }: { data: HostCountTrend; gap: number | null }) {
  return (
    <div className={styles.notes}>
      {gap !== null && gap > 0 && (
        <div>
          <span className="badge warning">Reported ≠ reconstructed</span> The host&apos;s own count and the count rebuilt from its 12290
          events differ by up to {gap} CMID{gap === 1 ? "" : "s"}. Usually the event log lost history (cleared, rolled over, or the agent
          started collecting recently) or the host was reinstalled; trust the reported count for activation, the events for who is
          requesting.
        </div>
      )}
      {data.crossesBelow ? (
        <div>
          <span className="badge critical">Forecast</span> The count is expected to fall below {data.crossesBelow.threshold} on{" "}
          <strong>{dayLabel(Date.parse(data.crossesBelow.at))}</strong> (<TimeAgo iso={data.crossesBelow.at} />) unless more clients request
          activation.
        </div>
      ) : (
        <div className={data.outlook.state === "below" ? undefined : "muted small"}>
          {data.outlook.state === "below" && <span className="badge critical">Forecast</span>} {data.outlook.text}
        </div>
      )}
      {data.serverOnly && <div className="muted small">Only servers (min count 5) requested activation here in the last 30 days.</div>}
    </div>
  );
}

function TrendCharts({ data }: { data: HostCountTrend }) {
  const trend = prepareHostTrend(data);
  const requestRows = prepareRequestsChart(data.requests);
  const hasRequests = requestRows.some((r) => r.totalRequests !== null);
  return (
    <>
      <TrendNotes data={data} gap={trend.gapDays} />
      {trend.rows.length === 0 ? (
        <p className="muted">No count in this range: the host has not checked in and no 12290 event was collected.</p>
      ) : (
        <HostCountTrendChart trend={trend} />
      )}
      <h2>Requests received</h2>
      {hasRequests ? (
        <RequestsChart rows={requestRows} />
      ) : (
        <p className="muted">
          No request counters in this range. They come from <code>slmgr.vbs /dlv</code> (Total / Failed requests received).
        </p>
      )}
    </>
  );
}

export function HostTrendSection({ hostId }: { hostId: string }) {
  const [range, setRange] = useState<TrendRange>("30d");
  const { data, isPending, error, isPlaceholderData } = useHostTrendQuery(hostId, range);
  return (
    <section className="card">
      <div className="toolbar">
        <h2 className={styles.heading}>Count trend</h2>
        <div className={styles.ranges} role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button key={r} type="button" aria-pressed={r === range} onClick={() => setRange(r)}>
              {r}
            </button>
          ))}
        </div>
        {isPlaceholderData && <span className="muted small">loading {range}…</span>}
      </div>
      <LoadState isPending={isPending} error={error} what="the count trend" />
      {data && (
        <div className={isPlaceholderData ? styles.fetching : undefined}>
          <TrendCharts data={data} />
        </div>
      )}
    </section>
  );
}
