// The license states of the Windows licensing service, in the order of their numeric codes (CIM LicenseStatus,
// event LicensingStatus 0..6). Pure and without zod, so the pages' filters list them from here too.
export const licenseStatusValues = [
  "Unlicensed",
  "Licensed",
  "InitialGrace",
  "AdditionalGrace",
  "NonGenuineGrace",
  "Notification",
  "ExtendedGrace",
] as const;
export type LicenseStatusValue = (typeof licenseStatusValues)[number];
