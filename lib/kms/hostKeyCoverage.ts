// Which KMS host key (CSVLK) activates which Windows client product, where it may be installed, and which
// update an older host needs for newer clients. Data only, one row per fact, each with its source:
//   PLAN = WindowsServerDocs/get-started/kms-activation-planning.md ("Activation versions" tabs and
//          "KMS host required updates"), MicrosoftDocs/windowsserverdocs, read 2026-12-04.
//   INFERRED = not stated by Microsoft; marked on the row with why we believe it.
// lib/kms/coverage.ts computes with it; lib/kms/officeVolumePacks.ts is the same table for Office.

export const windowsProductIds = [
  "windows-server-2025",
  "windows-server-2022",
  "windows-server-2019",
  "windows-server-2016",
  "windows-11-ltsc-2024",
  "windows-11",
  "windows-10-ltsc",
  "windows-10-ltsb",
  "windows-10",
] as const;
export type WindowsProductId = (typeof windowsProductIds)[number];

export const windowsProductNames: Record<WindowsProductId, string> = {
  "windows-server-2025": "Windows Server 2025",
  "windows-server-2022": "Windows Server 2022",
  "windows-server-2019": "Windows Server 2019",
  "windows-server-2016": "Windows Server 2016",
  "windows-11-ltsc-2024": "Windows 11 Enterprise LTSC 2024",
  "windows-11": "Windows 11 (Pro, Enterprise, Education)",
  "windows-10-ltsc": "Windows 10 Enterprise LTSC 2019/2021",
  "windows-10-ltsb": "Windows 10 Enterprise LTSB 2015/2016",
  "windows-10": "Windows 10 (Pro, Enterprise, Education)",
};

/** Host operating systems, by the build of their Software licensing service version ("10.0.<build>.<revision>"). */
export const hostOsByBuild: readonly { build: number; os: HostOs; source: string }[] = [
  { build: 26100, os: "windows-server-2025", source: "Windows Server 2025 is build 26100 (Windows Server release information)" },
  { build: 20348, os: "windows-server-2022", source: "Windows Server 2022 is build 20348 (Windows Server release information)" },
  { build: 17763, os: "windows-server-2019", source: "Windows Server 2019 is build 17763 (Windows Server release information)" },
  { build: 14393, os: "windows-server-2016", source: "Windows Server 2016 is build 14393 (Windows Server release information)" },
  { build: 9600, os: "windows-server-2012-r2", source: "Windows Server 2012 R2 is build 9600 (Windows Server release information)" },
];
export type HostOs =
  | "windows-server-2025"
  | "windows-server-2022"
  | "windows-server-2019"
  | "windows-server-2016"
  | "windows-server-2012-r2";
export const hostOsNames: Record<HostOs, string> = {
  "windows-server-2025": "Windows Server 2025",
  "windows-server-2022": "Windows Server 2022",
  "windows-server-2019": "Windows Server 2019",
  "windows-server-2016": "Windows Server 2016",
  "windows-server-2012-r2": "Windows Server 2012 R2",
};

export type HostKeyRow = {
  id: "csvlk-ws2025" | "csvlk-ws2022" | "csvlk-ws2019" | "csvlk-ws2016";
  name: string;
  /** The word before " channel" in the host product's Description (/dlv or CIM). */
  channels: readonly string[];
  channelSource: string;
  hostedOn: readonly HostOs[];
  activates: readonly WindowsProductId[];
  source: string;
};

export const hostKeys: readonly HostKeyRow[] = [
  {
    id: "csvlk-ws2025",
    name: "Windows Server 2025 CSVLK",
    channels: ["VOLUME_KMS_WS25"],
    channelSource: "INFERRED: by analogy with VOLUME_KMS_WS22 (a WS2022 host's /dlv); no public WS2025 host /dlv seen",
    hostedOn: ["windows-server-2025", "windows-server-2022", "windows-server-2019"],
    // Every Windows product of this table (the newest host key activates all the older ones).
    activates: windowsProductIds,
    source: "PLAN, tab Windows Server 2025: Volume License for Windows Server 2025",
  },
  {
    id: "csvlk-ws2022",
    name: "Windows Server 2022 CSVLK",
    channels: ["VOLUME_KMS_WS22"],
    channelSource: "Microsoft Q&A / shared fixture kms-host-healthy.en-US.txt: Description 'VOLUME_KMS_WS22 channel'",
    hostedOn: ["windows-server-2022", "windows-server-2019", "windows-server-2016"],
    activates: [
      "windows-server-2022",
      "windows-server-2019",
      "windows-server-2016",
      "windows-11",
      "windows-10-ltsc",
      "windows-10-ltsb",
      "windows-10",
    ],
    source: "PLAN, tab Windows Server 2022: Volume License for Windows Server 2022",
  },
  {
    id: "csvlk-ws2019",
    name: "Windows Server 2019 CSVLK",
    channels: ["VOLUME_KMS_WS19"],
    channelSource: "INFERRED: by analogy with VOLUME_KMS_WS22",
    hostedOn: ["windows-server-2019", "windows-server-2016", "windows-server-2012-r2"],
    activates: ["windows-server-2019", "windows-server-2016", "windows-10-ltsc", "windows-10-ltsb", "windows-10"],
    source: "PLAN, tab Windows Server 2019: Volume License for Windows Server 2019",
  },
  {
    id: "csvlk-ws2016",
    name: "Windows Server 2016 CSVLK",
    channels: ["VOLUME_KMS_2016", "VOLUME_KMS_WS16"],
    channelSource: "INFERRED: two plausible spellings; no public WS2016 host /dlv seen",
    hostedOn: ["windows-server-2016", "windows-server-2012-r2"],
    activates: ["windows-server-2016", "windows-10-ltsb", "windows-10"],
    source: "PLAN, tab Windows Server 2016: Volume License for Windows Server 2016",
  },
];

export type RequiredUpdateRow = {
  hostOs: HostOs;
  clients: readonly WindowsProductId[];
  kb: string;
  /**
   * The host's "10.0.<build>.<revision>" at or above which the update (or a later cumulative one) is in; INFERRED:
   * the revision of the licensing service version is read as the cumulative update level.
   */
  minBuild: { build: number; revision: number };
  source: string;
};

export const requiredUpdates: readonly RequiredUpdateRow[] = [
  {
    hostOs: "windows-server-2022",
    clients: ["windows-server-2025"],
    kb: "KB5034765",
    minBuild: { build: 20348, revision: 2322 },
    source:
      "PLAN, KMS host required updates: February 13, 2024 - KB5034765 or later; build 20348.2322 INFERRED (Feb 2024 cumulative update)",
  },
  {
    hostOs: "windows-server-2019",
    clients: ["windows-server-2025"],
    kb: "KB5034768",
    minBuild: { build: 17763, revision: 5458 },
    source:
      "PLAN, KMS host required updates: February 13, 2024 - KB5034768 or later; build 17763.5458 INFERRED (Feb 2024 cumulative update)",
  },
  {
    hostOs: "windows-server-2019",
    clients: ["windows-server-2022"],
    kb: "KB5003646",
    minBuild: { build: 17763, revision: 1999 },
    source: "PLAN, KMS host required updates: June 8, 2021 - KB5003646 or later; build 17763.1999 INFERRED (Jun 2021 cumulative update)",
  },
  {
    hostOs: "windows-server-2016",
    clients: ["windows-server-2022", "windows-server-2019"],
    kb: "KB5003638",
    minBuild: { build: 14393, revision: 4467 },
    source: "PLAN, KMS host required updates: June 8, 2021 - KB5003638 or later; build 14393.4467 INFERRED (Jun 2021 cumulative update)",
  },
];
