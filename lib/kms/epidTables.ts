// Decoding tables for a KMS host extended PID (ePID), each row with where it comes from. The one place these
// facts live: lib/kms/epid.ts reads them, the README's "Host audit" section explains them.
//
// What Microsoft documents: that a client stores the ePID its KMS host sent (SoftwareLicensingProduct
// KeyManagementServiceProductKeyID, "KMS machine extended PID" in `slmgr /dlv`), what a language ID means
// ([MS-LCID]) and when each Windows build shipped (Windows Server / Windows release information).
// What Microsoft does NOT document: the layout of the ePID itself and the meaning of its first part. That is
// community knowledge, reverse-engineered by the authors of KMS emulators (py-kms `kmsPidGenerator.py`,
// vlmcsd) and matched against real hosts' `slmgr /dlv`. Treat a decoded part as a hint, never as proof.

export type Source = "microsoft" | "community";

/** Where each kind of row comes from, as shown next to a decoded part. */
export const SOURCES = {
  layout: {
    source: "community" as Source,
    ref: "py-kms kmsPidGenerator.py and vlmcsd (reverse-engineered KMS emulators); not documented by Microsoft",
  },
  platform: { source: "community" as Source, ref: "py-kms kmsPidGenerator.py host OS types; vlmcsd; observed on real hosts" },
  lcid: { source: "microsoft" as Source, ref: "[MS-LCID] Windows Language Code Identifier Reference" },
  build: { source: "microsoft" as Source, ref: "Windows Server release information / Windows release health (release dates)" },
  channel: { source: "community" as Source, ref: "py-kms kmsPidGenerator.py: part 5 is the license channel, 03 = volume" },
} as const;

/** First part of a KMS host ePID: the host OS type; each implies the host builds it can come with. */
export const PLATFORMS: readonly { code: string; name: string; builds: readonly number[] }[] = [
  { code: "55041", name: "Windows Server 2008 R2 / Windows 7 host", builds: [7600, 7601] },
  { code: "05426", name: "Windows Server 2012 / Windows 8 host", builds: [9200] },
  { code: "06401", name: "Windows Server 2012 R2 / Windows 8.1 host", builds: [9600] },
  {
    code: "03612",
    name: "Windows Server 2016 or later / Windows 10 or later host",
    builds: [10240, 14393, 17763, 19041, 19044, 19045, 20348, 22000, 22621, 22631, 26100],
  },
];

/** Windows builds a KMS host runs, with the day each was first generally available (UTC dates). */
export const OS_BUILDS: readonly { build: number; name: string; released: string }[] = [
  { build: 7600, name: "Windows Server 2008 R2 / Windows 7 RTM", released: "2009-10-22" },
  { build: 7601, name: "Windows Server 2008 R2 SP1 / Windows 7 SP1", released: "2011-02-22" },
  { build: 9200, name: "Windows Server 2012 / Windows 8", released: "2012-09-04" },
  { build: 9600, name: "Windows Server 2012 R2 / Windows 8.1", released: "2013-10-17" },
  { build: 10240, name: "Windows 10 1507", released: "2015-07-29" },
  { build: 14393, name: "Windows Server 2016 / Windows 10 1607", released: "2016-08-02" },
  { build: 17763, name: "Windows Server 2019 / Windows 10 1809", released: "2018-10-02" },
  { build: 19041, name: "Windows 10 2004", released: "2020-05-27" },
  { build: 19044, name: "Windows 10 21H2", released: "2021-11-16" },
  { build: 19045, name: "Windows 10 22H2", released: "2022-10-18" },
  { build: 20348, name: "Windows Server 2022", released: "2021-08-18" },
  { build: 22000, name: "Windows 11 21H2", released: "2021-10-04" },
  { build: 22621, name: "Windows 11 22H2", released: "2022-09-20" },
  { build: 22631, name: "Windows 11 23H2", released: "2023-10-31" },
  { build: 26100, name: "Windows Server 2025 / Windows 11 24H2", released: "2024-10-01" },
];

/** Language IDs of the Windows display languages a KMS host can be installed in ([MS-LCID], decimal). */
export const LCIDS: ReadonlyMap<number, string> = new Map([
  [1025, "ar-SA"],
  [1026, "bg-BG"],
  [1028, "zh-TW"],
  [1029, "cs-CZ"],
  [1030, "da-DK"],
  [1031, "de-DE"],
  [1032, "el-GR"],
  [1033, "en-US"],
  [1035, "fi-FI"],
  [1036, "fr-FR"],
  [1037, "he-IL"],
  [1038, "hu-HU"],
  [1040, "it-IT"],
  [1041, "ja-JP"],
  [1042, "ko-KR"],
  [1043, "nl-NL"],
  [1044, "nb-NO"],
  [1045, "pl-PL"],
  [1046, "pt-BR"],
  [1048, "ro-RO"],
  [1049, "ru-RU"],
  [1050, "hr-HR"],
  [1051, "sk-SK"],
  [1053, "sv-SE"],
  [1054, "th-TH"],
  [1055, "tr-TR"],
  [1058, "uk-UA"],
  [1060, "sl-SI"],
  [1061, "et-EE"],
  [1062, "lv-LV"],
  [1063, "lt-LT"],
  [2052, "zh-CN"],
  [2057, "en-GB"],
  [2070, "pt-PT"],
  [2074, "sr-Latn-RS"],
  [3076, "zh-HK"],
  [3082, "es-ES"],
  [3084, "fr-CA"],
  [9242, "sr-Latn-RS"],
]);

/** KMS shipped with Windows Vista / Server 2008: no genuine host was activated before this day. */
export const KMS_FIRST_DAY = "2006-11-08";
/** Part 5 of a KMS host ePID: the license channel; a KMS host key (CSVLK) is a volume key. */
export const VOLUME_CHANNEL = "03";
