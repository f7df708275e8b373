// GET /api/dashboard/audit/forensics – per KMS host name: verdict, forensic signals and the ePIDs served (?host= one name)
import { json } from "@/lib/access/http/respond";
import { hostForensicsSchema } from "@/lib/read/contract/fleet";
import { z } from "zod";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { normalizeHostName, shortHostName } from "@/lib/kms/hostNames";
import { getHostForensics } from "@/lib/read/audit/getHostForensics";

const querySchema = z.object({ host: z.string().trim().min(1).max(255).optional() });

export const GET = withUser(async (request) => {
  const { host } = searchParams(request.url, querySchema);
  const name = normalizeHostName(host);
  // Clients may name a host by its short name: the page of kms01.corp.example.com shows what they got as kms01 too.
  const hosts = name ? [...new Set([name, shortHostName(name)])] : undefined;
  return json(hostForensicsSchema, await getHostForensics(new Date(), hosts ? { hosts } : {}));
});
