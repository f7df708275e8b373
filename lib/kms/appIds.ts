// SoftwareLicensingProduct.ApplicationID of the two product families KMS activates (same in every
// language and Windows version; /dlv shows it as "Application ID" / "ID d'application").
export const WINDOWS_APP_ID = "55c92734-d682-4d71-983e-d6ec3f16059f";
export const OFFICE_APP_ID = "0ff1ce15-a989-479d-af46-f275c6370663";
/** Office 2010's ApplicationID (Office 2013 and later share OFFICE_APP_ID). */
export const OFFICE_2010_APP_ID = "59a52881-a989-479d-af46-f275c6370663";

export type ProductFamily = "windows" | "office" | "other";
/** The product family KMS counts and answers separately; a missing ApplicationID is read as Windows, as slmgr does. */
export function productFamily(applicationId: string | null | undefined): ProductFamily {
  const id = applicationId?.toLowerCase() ?? null;
  if (id === null || id === WINDOWS_APP_ID) return "windows";
  return id === OFFICE_APP_ID || id === OFFICE_2010_APP_ID ? "office" : "other";
}
