// A machine's support bundle: the raw artifacts Microsoft support asks for (latest /dlv, the KMS
// event logs of the window) plus kmswatch's summary and findings, as one streamed zip.
import "server-only";
import { getFindings } from "@/lib/evaluate/facts/getFindings";
import { DAY_MS } from "@/lib/core/time";
import { getBundleMachine } from "@/lib/read/bundle/getBundleMachine";
import { getBundleSummary } from "@/lib/read/bundle/getBundleSummary";
import { getLatestDlv } from "@/lib/read/bundle/getLatestDlv";
import { bundleLogs, type BundleKind } from "@/lib/read/bundle/logs";
import { bundleReadme } from "@/lib/read/bundle/readme";
import { eventXmlStream } from "@/lib/read/bundle/eventXmlStream";
import { zipStream, type ZipEntry } from "@/lib/read/bundle/zip";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Everything but the event logs is read before the response starts, so a missing machine is a clean 404. */
export async function supportBundle(kind: BundleKind, machineId: string, days: number, now: Date) {
  const machine = await getBundleMachine(machineId, kind);
  const from = new Date(now.getTime() - days * DAY_MS);
  const logs = bundleLogs[kind];
  const [dlv, summary, findings] = await Promise.all([
    getLatestDlv(machineId),
    getBundleSummary(machineId, from),
    getFindings(now, { machineId }),
  ]);
  const entries: ZipEntry[] = [
    { name: "README.txt", content: bundleReadme({ kind, fqdn: machine.fqdn, days, from, now, hasDlv: dlv !== null, logs }) },
    ...(dlv ? [{ name: "dlv-latest.txt", content: dlv.body }] : []),
    ...logs.map((log) => ({ name: log.file, open: () => eventXmlStream(machineId, log, from) })),
    {
      name: "summary.json",
      content: json({
        generatedAt: now.toISOString(),
        kind,
        window: { days, from: from.toISOString(), to: now.toISOString() },
        machine: {
          id: machine.id,
          fqdn: machine.fqdn,
          hostname: machine.hostname,
          role: machine.role,
          firstSeenAt: machine.firstSeenAt.toISOString(),
          lastSeenAt: machine.lastSeenAt.toISOString(),
        },
        agents: machine.agents.map((a) => ({
          id: a.id,
          agentVersion: a.agentVersion,
          enrolledAt: a.enrolledAt.toISOString(),
          lastSeenAt: a.lastSeenAt?.toISOString() ?? null,
          revokedAt: a.revokedAt?.toISOString() ?? null,
          // Check-ins with nothing new are counted here, not listed in ingestBatchesInWindow.
          unchangedCheckins: Number(a.unchangedCheckins),
        })),
        latestDlv: dlv
          ? { rawArtifactId: dlv.id, firstSeenAt: dlv.firstSeenAt.toISOString(), lastSeenAt: dlv.lastSeenAt.toISOString() }
          : null,
        ...summary,
      }),
    },
    { name: "alerts.json", content: json({ generatedAt: now.toISOString(), findings }) },
  ];
  const stamp = now.toISOString().slice(0, 10);
  return { filename: `kmswatch-support-${machine.hostname.replace(/[^A-Za-z0-9._-]/g, "_")}-${stamp}.zip`, body: zipStream(entries, now) };
}
