// Office volume products and the KMS host side each needs: the Office Volume License Pack of its version, whose
// KMS host key shows on the host as an Office product (Office application ID) with a VOLUME_KMS channel.
// Data only, one row per version, each with its source:
//   KMS2026 = ../shared/docs/kms-2026.md, section Office (Office 2016/2019/2021/LTSC 2024 volume editions activate
//             against the same KMS host once it has the Volume License Pack for that version; threshold 5).
//   INFERRED = not stated by Microsoft; marked on the row with why we believe it.

export const officeProductIds = ["office-ltsc-2024", "office-ltsc-2021", "office-2019", "office-2016"] as const;
export type OfficeProductId = (typeof officeProductIds)[number];

export type OfficeVersionRow = {
  id: OfficeProductId;
  name: string;
  /** "Office NN" at the start of the product Name ("Office 16, Office16ProPlusVL_KMS_Client edition"). */
  namePrefix: string;
  namePrefixSource: string;
  volumeLicensePack: string;
  /** Office versions a host key of this version also activates, newest first (its own included). */
  hostKeyActivates: readonly OfficeProductId[];
  source: string;
};

export const officeVersions: readonly OfficeVersionRow[] = [
  {
    id: "office-ltsc-2024",
    name: "Office LTSC 2024",
    namePrefix: "Office 24",
    namePrefixSource: "INFERRED: by analogy with 'Office 19' / 'Office 21' product names",
    volumeLicensePack: "Office LTSC 2024 Volume License Pack",
    hostKeyActivates: ["office-ltsc-2024", "office-ltsc-2021", "office-2019", "office-2016"],
    source:
      "KMS2026 (needs its Volume License Pack); older versions on the same host key INFERRED (each Office host key has covered the earlier volume versions)",
  },
  {
    id: "office-ltsc-2021",
    name: "Office LTSC 2021",
    namePrefix: "Office 21",
    namePrefixSource: "Office 2021 volume product names (Office21ProPlus2021VL_KMS_Client_AE)",
    volumeLicensePack: "Office LTSC 2021 Volume License Pack",
    hostKeyActivates: ["office-ltsc-2021", "office-2019", "office-2016"],
    source: "KMS2026; older versions on the same host key INFERRED",
  },
  {
    id: "office-2019",
    name: "Office 2019",
    namePrefix: "Office 19",
    namePrefixSource: "Office 2019 volume product names (Office19ProPlus2019VL_KMS_Client_AE)",
    volumeLicensePack: "Office 2019 Volume License Pack",
    hostKeyActivates: ["office-2019", "office-2016"],
    source: "KMS2026; older versions on the same host key INFERRED",
  },
  {
    id: "office-2016",
    name: "Office 2016",
    namePrefix: "Office 16",
    namePrefixSource: "shared fixture client-office16-kms-licensed.en-US.txt ('Office 16, Office16ProPlusVL_KMS_Client edition')",
    volumeLicensePack: "Office 2016 Volume License Pack",
    hostKeyActivates: ["office-2016"],
    source: "KMS2026, Office section (activates once the host has the Volume License Pack of its version)",
  },
];
