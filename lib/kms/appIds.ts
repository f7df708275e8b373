// SoftwareLicensingProduct.ApplicationID of the two product families KMS activates (same in every
// language and Windows version; /dlv shows it as "Application ID" / "ID d'application").
export const WINDOWS_APP_ID = "55c92734-d682-4d71-983e-d6ec3f16059f";
export const OFFICE_APP_ID = "0ff1ce15-a989-479d-af46-f275c6370663";
