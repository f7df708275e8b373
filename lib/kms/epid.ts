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
/** A problem's sentence for the dashboard in the user's language: catalogue key (forensics.problem) and values. */
export type EpidProblemText = { key: keyof typeof PROBLEM_TEXT; values: Record<string, string> };
export type EpidProblem = { part: string; kind: EpidProblemKind; message: string; text: EpidProblemText };

type V = Record<string, string | number>;
/** The English of each problem (findings and signals use it); the catalogue holds the same, a unit test checks. */
const PROBLEM_TEXT = {
  tooLong: (v: V) => `${v.count} characters; an ePID has about 50`,
  wrongParts: (v: V) => `expected 8 dash-separated parts (5-5-3-6-2-LCID-build.0000-dayYear), got ${v.count}`,
  badPartBuild: (v: V) => `part ${v.n} "${v.text}" should be a build like 17763.0000`,
  badPartDigits: (v: V) => `part ${v.n} "${v.text}" should be ${v.digits} digits`,
  noLayout: (_: V) => "does not match the ePID layout",
  platformUnknown: (v: V) => `host OS type ${v.platform} is not in the (community) table`,
  platformBuild: (v: V) => `host OS type ${v.platform} (${v.name}) never comes with build ${v.build}`,
  channel: (v: V) => `channel ${v.channel}: a KMS host key is a volume key (03)`,
  lcid: (v: V) => `language ID ${v.lcid} is not a Windows display language`,
  buildUnknown: (v: V) => `build ${v.build} is not in the table of KMS host builds`,
  noSuchDay: (v: V) => `day ${v.day} of year ${v.year} does not exist`,
  future: (v: V) => `activated on ${v.date}, in the future`,
  beforeKms: (v: V) => `activated on ${v.date}, before KMS existed (${v.first})`,
  beforeBuild: (v: V) => `activated on ${v.date}, before build ${v.build} was released (${v.released})`,
  hostBuild: (v: V) => `ePID says build ${v.build}, the host reports build ${v.hostBuild}`,
  hostPlatform: (v: V) => `host OS type ${v.platform} (${v.name}) does not fit the host's build ${v.hostBuild}`,
  hostLcid: (v: V) => `language ID ${v.lcid}, the host's own ePID has ${v.ownLcid}`,
} as const;

function problem(part: string, kind: EpidProblemKind, key: keyof typeof PROBLEM_TEXT, values: V = {}): EpidProblem {
  // Strings, not numbers: a build or a language ID is a code, never "17,763".
  const text = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return { part, kind, message: PROBLEM_TEXT[key](values), text: { key, values: text } };
}

export type DecodedEpid = {
  raw: string;
  parts: EpidParts | null;
  platformName: string | null;
  language: string | null;
  buildName: string | null;
  problems: EpidProblem[];
};
/** The catalogue keys of the problems (forensics.problem), for the API contract. */
export const EPID_PROBLEM_TEXT_KEYS = Object.keys(PROBLEM_TEXT) as (keyof typeof PROBLEM_TEXT)[];

const MAX_EPID_CHARS = 64;
const EPID_PATTERN = /^(\d{5})-(\d{5})-(\d{3})-(\d{6})-(\d{2})-(\d{4,5})-(\d{4,5})\.(\d{4})-(\d{3})(\d{4})$/;
const PART_LENGTHS = ["5", "5", "3", "6", "2", "4-5", "4-5.4", "7"];

function malformed(raw: string, why: EpidProblem): DecodedEpid {
  return {
    raw,
    parts: null,
    platformName: null,
    language: null,
    buildName: null,
    problems: [why],
  };
}

/** Says which part is broken, so a damaged ePID (cut, retyped, invented) is explained, not just refused. */
function describeMalformed(text: string): EpidProblem {
  const groups = text.split("-");
  if (groups.length !== 8) return problem("ePID", "malformed", "wrongParts", { count: groups.length });
  for (const [i, g] of groups.entries()) {
    const want = PART_LENGTHS[i] ?? "?";
    const ok = i === 6 ? /^\d{4,5}\.\d{4}$/.test(g) : i === 5 ? /^\d{4,5}$/.test(g) : new RegExp(`^\\d{${want}}$`).test(g);
    if (!ok) {
      const values = { n: i + 1, text: g.slice(0, 12), digits: want };
      return problem("ePID", "malformed", i === 6 ? "badPartBuild" : "badPartDigits", values);
    }
  }
  return problem("ePID", "malformed", "noLayout");
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
  if (raw.length > MAX_EPID_CHARS)
    return malformed(raw.slice(0, MAX_EPID_CHARS), problem("ePID", "malformed", "tooLong", { count: raw.length }));
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
  const add = (part: string, kind: EpidProblemKind, key: keyof typeof PROBLEM_TEXT, values: V) =>
    problems.push(problem(part, kind, key, values));

  if (!platformRow) add("platform", "unverified", "platformUnknown", { platform });
  else if (!platformRow.builds.includes(osBuild))
    add("platform", "contradiction", "platformBuild", { platform, name: platformRow.name, build: osBuild });
  if (channel !== VOLUME_CHANNEL) add("channel", "contradiction", "channel", { channel });
  if (!LCIDS.has(lcid)) add("lcid", "contradiction", "lcid", { lcid });
  if (!buildRow) add("osBuild", "unverified", "buildUnknown", { build: osBuild });
  if (activatedOn === null) add("activation", "contradiction", "noSuchDay", { day: dayText, year: yearText });
  else {
    const at = Date.parse(activatedOn);
    if (at > now.getTime() + DAY_MS) add("activation", "contradiction", "future", { date: activatedOn });
    if (at < Date.parse(KMS_FIRST_DAY)) add("activation", "contradiction", "beforeKms", { date: activatedOn, first: KMS_FIRST_DAY });
    else if (buildRow && at < Date.parse(buildRow.released))
      add("activation", "contradiction", "beforeBuild", { date: activatedOn, build: osBuild, released: buildRow.released });
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
    problems.push(problem("osBuild", "contradiction", "hostBuild", { build: p.osBuild, hostBuild: host.osBuild }));
  const platform = PLATFORMS.find((row) => row.code === p.platform);
  if (host.osBuild !== null && platform && !platform.builds.includes(host.osBuild))
    problems.push(
      problem("platform", "contradiction", "hostPlatform", { platform: p.platform, name: platform.name, hostBuild: host.osBuild }),
    );
  const own = host.ownEpid?.parts;
  if (own && own.lcid !== p.lcid) problems.push(problem("lcid", "contradiction", "hostLcid", { lcid: p.lcid, ownLcid: own.lcid }));
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
