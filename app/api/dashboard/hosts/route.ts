// GET /api/dashboard/hosts – KMS hosts and their current state
import { json } from "@/lib/access/http/respond";
import { hostListSchema } from "@/lib/read/contract/hosts";
import { withUser } from "@/lib/access/http/handlers";
import { getHostList } from "@/lib/read/hosts/getHostList";

export const GET = withUser(async () => json(hostListSchema, { hosts: await getHostList() }));
