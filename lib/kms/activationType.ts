// How a product is activated, from what its snapshot says: the channel (Description "…, <CHANNEL> channel"),
// Product Key Channel, configured activation type (VLActivationTypeEnabled / "Configured Activation Type") and
// the AD activation object. Pure. Sources: kms-formats.md §1 and §3; activation-troubleshoot-adba-clients.md.

export const activationTypes = ["kms", "adba", "mak", "retail", "oem", "kms_host", "unknown"] as const;
export type ActivationType = (typeof activationTypes)[number];

export const activationTypeLabels: Record<ActivationType, string> = {
  kms: "KMS",
  adba: "Active Directory (ADBA)",
  mak: "MAK",
  retail: "Retail",
  oem: "OEM",
  kms_host: "KMS host key",
  unknown: "Unknown",
};

export type ActivationFacts = {
  channel: string | null;
  productKeyChannel: string | null;
  configuredActivationType: string | null;
  adActivationObjectName: string | null;
  kmsHost: string | null;
};

/** A GVLK product whose configured type only allows AD ("AD"), so it never falls back to KMS. */
export const adOnly = (f: Pick<ActivationFacts, "configuredActivationType">) => (f.configuredActivationType ?? "").toUpperCase() === "AD";

export function activationTypeOf(f: ActivationFacts): ActivationType {
  const channel = (f.channel ?? "").toUpperCase();
  const keyChannel = (f.productKeyChannel ?? "").toUpperCase();
  if (channel.startsWith("VOLUME_KMSCLIENT") || keyChannel === "VOLUME:GVLK") {
    // A GVLK activates by AD when an activation object did it or when it is set to AD only, else by KMS.
    return f.adActivationObjectName || adOnly(f) ? "adba" : "kms";
  }
  if (/^VOLUME_KMS/.test(channel) || keyChannel === "VOLUME:CSVLK") return "kms_host";
  if (channel.startsWith("VOLUME_MAK") || keyChannel === "VOLUME:MAK") return "mak";
  if (channel.startsWith("RETAIL") || keyChannel === "RETAIL") return "retail";
  if (channel.startsWith("OEM") || keyChannel.startsWith("OEM")) return "oem";
  // Windows subscription activation (Enterprise E3/E5) shows no channel of its own: only the OSLicense
  // Get-SubscriptionLicenseInfo cmdlet would tell, and agents do not collect it, so it is not a type here.
  return "unknown";
}
