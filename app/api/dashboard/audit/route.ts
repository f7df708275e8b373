// GET /api/dashboard/audit – every KMS host seen, approved or not, and who uses it
import { json } from "@/lib/access/http/respond";
import { hostAuditSchema } from "@/lib/read/contract/fleet";
import { withUser } from "@/lib/access/http/handlers";
import { getHostAudit } from "@/lib/read/audit/getHostAudit";

export const GET = withUser(async () => json(hostAuditSchema, await getHostAudit()));
