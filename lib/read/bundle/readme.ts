// README.txt of a support bundle: what each file is, and why it is what Microsoft support asks for.
import "server-only";
import type { BundleKind, BundleLog } from "@/lib/read/bundle/logs";

export function bundleReadme(input: {
  kind: BundleKind;
  fqdn: string;
  days: number;
  from: Date;
  now: Date;
  hasDlv: boolean;
  logs: BundleLog[];
}): string {
  const what = input.kind === "host" ? "KMS host" : "KMS client";
  const lines = [
    `kmswatch support bundle for ${what} ${input.fqdn}`,
    `Generated ${input.now.toISOString()}; events from the last ${input.days} day(s) (after ${input.from.toISOString()}).`,
    "",
    "When you open a case about Windows volume activation (KMS), Microsoft support asks for the output of",
    "`cscript //nologo %windir%\\system32\\slmgr.vbs /dlv` and the KMS event logs of the machines involved",
    "(12288/12289 in the client's Application log, 12290 in the KMS host's \"Key Management Service\" log,",
    "12293 in the host's Application log). This bundle holds exactly that, as the kmswatch agent collected it,",
    "so you can attach it to the case instead of collecting it again by hand.",
    "",
    "Files:",
    "  dlv-latest.txt",
    input.hasDlv
      ? "      The latest `slmgr.vbs /dlv` output, byte for byte as the agent sent it."
      : "      (Not included: this machine's agent has never sent `slmgr.vbs /dlv` output.)",
    ...input.logs.flatMap((log) => [
      `  ${log.file}`,
      `      The "${log.log}" log, ${log.what}.`,
      `      Raw XML, events back to back in record order as \`wevtutil qe "${log.log}" /f:xml\` prints them (empty if none in the window).`,
    ]),
    "  summary.json",
    "      kmswatch's reading of the data: machine and agent information, the parsed latest state of every product",
    "      (license status, channel, KMS host and count, CMID...), and what arrived in the window.",
    "  alerts.json",
    "      The problems kmswatch currently diagnoses for this machine, each with its cause and fix.",
    "  README.txt",
    "      This file.",
    "",
    "Nothing secret is included: no agent token, no enrollment secret, no product key beyond the last 5 characters",
    "that /dlv itself prints.",
    "",
  ];
  // Notepad on older Windows shows LF-only files on one line.
  return lines.join("\r\n");
}
