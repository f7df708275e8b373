// Decodes a KMS host extended PID (ePID), e.g. 03612-00206-566-123456-03-1033-17763.0000-0792019, into its
// parts and checks them for what a genuine host could not produce. Pure. The layout is community knowledge
// (see lib/kms/epidTables.ts): a problem found here is a reason to look, not proof of an emulator.
import { DAY_MS } from "@/lib/core/time";
import { KMS_FIRST_DAY, LCIDS, OS_BUILDS, PLATFORMS, SOURCES, VOLUME_CHANNEL } from "./epidTables";

export type EpidParts = {
  /** Host OS type (community knowledge). */
  platform: string;
  /** Key group of the host key (community knowledge). */
  keyGroup: string;
  /** Serial of the host key, high and low parts (community knowledge). */
  serial: string;
  /** License channel: 03 = volume (community knowledge). */
  channel: string;
  /** Language ID of the host ([MS-LCID]). */
  lcid: number;
  /** Host OS build. */
  osBuild: number;
  /** Day the host key was activated, YYYY-MM-DD (from day-of-year and year). */
  activatedOn: string | null;
};

export type EpidProblemKind = "malformed" | "contradiction" | "unverified";
export type EpidProblem = { part: string; kind: EpidProblemKind; message: string };

export type DecodedEpid = {
  raw: string;
  parts: EpidParts | null;
  platformName: string | null;
  language: string | null;
  buildName: string | null;
  problems: EpidProblem[];
};

const MAX_EPID_CHARS = 64;
const EPID_PATTERN = /^(\d{5})-(\d{5})-(\d{3})-(\d{6})-(\d{2})-(\d{4,5})-(\d{4,5})\.(\d{4})-(\d{3})(\d{4})$/;
const PART_LENGTHS = ["5", "5", "3", "6", "2", "4-5", "4-5.4", "7"];

function malformed(raw: string, message: string): DecodedEpid {
  return {
    raw,
    parts: null,
    platformName: null,
    language: null,
    buildName: null,
    problems: [{ part: "ePID", kind: "malformed", message }],
  };
}

/** Says which part is broken, so a damaged ePID (cut, retyped, invented) is explained, not just refused. */
function describeMalformed(text: string): string {
  const groups = text.split("-");
  if (groups.length !== 8) return `expected 8 dash-separated parts (5-5-3-6-2-LCID-build.0000-dayYear), got ${groups.length}`;
  for (const [i, g] of groups.entries()) {
    const want = PART_LENGTHS[i] ?? "?";
    const ok = i === 6 ? /^\d{4,5}\.\d{4}$/.test(g) : i === 5 ? /^\d{4,5}$/.test(g) : new RegExp(`^\\d{${want}}$`).test(g);
    if (!ok) return `part ${i + 1} "${g.slice(0, 12)}" should be ${i === 6 ? "a build like 17763.0000" : `${want} digits`}`;
  }
  return "does not match the ePID layout";
}

/** Day-of-year + year to YYYY-MM-DD; null when the day does not exist in that year. */
function dayOfYear(day: number, year: number): string | null {
  if (day < 1 || year < 1) return null;
  const date = new Date(Date.UTC(year, 0, 1) + (day - 1) * DAY_MS);
  return date.getUTCFullYear() === year ? date.toISOString().slice(0, 10) : null;
}

export function decodeEpid(input: string | null | undefined, now: Date): DecodedEpid | null {
  if (input === null || input === undefined) return null;
  const raw = input.trim();
  if (raw === "") return null;
  if (raw.length > MAX_EPID_CHARS) return malformed(raw.slice(0, MAX_EPID_CHARS), `${raw.length} characters; an ePID has about 50`);
  const m = EPID_PATTERN.exec(raw);
  if (!m) return malformed(raw, describeMalformed(raw));
  // Every group but the build's revision is mandatory in EPID_PATTERN: the defaults never apply.
  const [
    ,
    platform = "",
    keyGroup = "",
    serialHigh = "",
    serialLow = "",
    channel = "",
    lcidText = "",
    buildText = "",
    ,
    dayText = "",
    yearText = "",
  ] = m;
  const lcid = Number(lcidText);
  const osBuild = Number(buildText);
  const activatedOn = dayOfYear(Number(dayText), Number(yearText));
  const platformRow = PLATFORMS.find((p) => p.code === platform);
  const buildRow = OS_BUILDS.find((b) => b.build === osBuild);
  const problems: EpidProblem[] = [];
  const add = (part: string, kind: EpidProblemKind, message: string) => problems.push({ part, kind, message });

  if (!platformRow) add("platform", "unverified", `host OS type ${platform} is not in the (community) table`);
  else if (!platformRow.builds.includes(osBuild))
    add("platform", "contradiction", `host OS type ${platform} (${platformRow.name}) never comes with build ${osBuild}`);
  if (channel !== VOLUME_CHANNEL) add("channel", "contradiction", `channel ${channel}: a KMS host key is a volume key (03)`);
  if (!LCIDS.has(lcid)) add("lcid", "contradiction", `language ID ${lcid} is not a Windows display language`);
  if (!buildRow) add("osBuild", "unverified", `build ${osBuild} is not in the table of KMS host builds`);
  if (activatedOn === null) add("activation", "contradiction", `day ${dayText} of year ${yearText} does not exist`);
  else {
    const at = Date.parse(activatedOn);
    if (at > now.getTime() + DAY_MS) add("activation", "contradiction", `activated on ${activatedOn}, in the future`);
    if (at < Date.parse(KMS_FIRST_DAY))
      add("activation", "contradiction", `activated on ${activatedOn}, before KMS existed (${KMS_FIRST_DAY})`);
    else if (buildRow && at < Date.parse(buildRow.released))
      add("activation", "contradiction", `activated on ${activatedOn}, before build ${osBuild} was released (${buildRow.released})`);
  }
  return {
    raw,
    parts: { platform, keyGroup, serial: `${serialHigh}-${serialLow}`, channel, lcid, osBuild, activatedOn },
    platformName: platformRow?.name ?? null,
    language: LCIDS.get(lcid) ?? null,
    buildName: buildRow?.name ?? null,
    problems,
  };
}

/** "10.0.20348.2340" (SoftwareLicensingService.Version) -> 20348. */
export function buildFromVersion(version: string | null | undefined): number | null {
  const m = /^\d+\.\d+\.(\d{4,5})(?:\.\d+)?$/.exec(version?.trim() ?? "");
  return m ? Number(m[1]) : null;
}

/** What the ePID says against what the host's own agent reports (its build and its own ePID). */
export function checkAgainstHost(decoded: DecodedEpid, host: { osBuild: number | null; ownEpid: DecodedEpid | null }): EpidProblem[] {
  const p = decoded.parts;
  if (!p) return [];
  const problems: EpidProblem[] = [];
  if (host.osBuild !== null && p.osBuild !== host.osBuild)
    problems.push({
      part: "osBuild",
      kind: "contradiction",
      message: `ePID says build ${p.osBuild}, the host reports build ${host.osBuild}`,
    });
  const platform = PLATFORMS.find((row) => row.code === p.platform);
  if (host.osBuild !== null && platform && !platform.builds.includes(host.osBuild))
    problems.push({
      part: "platform",
      kind: "contradiction",
      message: `host OS type ${p.platform} (${platform.name}) does not fit the host's build ${host.osBuild}`,
    });
  const own = host.ownEpid?.parts;
  if (own && own.lcid !== p.lcid)
    problems.push({ part: "lcid", kind: "contradiction", message: `language ID ${p.lcid}, the host's own ePID has ${own.lcid}` });
  return problems;
}

/** Same host key (platform, key group, serial) installed on another day: a copied, restored or re-keyed host. */
export function sameKeyOtherInstall(a: DecodedEpid | null, b: DecodedEpid | null): boolean {
  const [x, y] = [a?.parts, b?.parts];
  if (!x || !y || a?.raw === b?.raw) return false;
  return x.platform === y.platform && x.keyGroup === y.keyGroup && x.serial === y.serial && x.activatedOn !== y.activatedOn;
}

/** The parts that differ between two ePIDs, by name, for a finding's evidence. */
export function differingParts(a: DecodedEpid, b: DecodedEpid): string[] {
  const [x, y] = [a.parts, b.parts];
  if (!x || !y) return ["ePID"];
  return (Object.keys(x) as (keyof EpidParts)[]).filter((k) => x[k] !== y[k]);
}

export { SOURCES as EPID_SOURCES };
