// Which Windows event logs go into a support bundle, and under which file name. KMS hosts write
// 12290 to the "Key Management Service" log and 12293 (DNS publishing) to Application; clients
// write 12288/12289 to Application.
import "server-only";

export type BundleKind = "host" | "client";
export type BundleLog = { file: string; log: "Application" | "Key Management Service"; eventIds: number[]; what: string };

export const bundleLogs: Record<BundleKind, BundleLog[]> = {
  host: [
    {
      file: "events/key-management-service.xml",
      log: "Key Management Service",
      eventIds: [12290],
      what: "12290: each client activation request this host processed",
    },
    {
      file: "events/application.xml",
      log: "Application",
      eventIds: [12293],
      what: "12293: publishing the _vlmcs._tcp SRV record in DNS failed",
    },
  ],
  client: [
    {
      file: "events/application.xml",
      log: "Application",
      eventIds: [12288, 12289],
      what: "12288: activation request sent to a KMS host; 12289: the host's answer",
    },
  ],
};
