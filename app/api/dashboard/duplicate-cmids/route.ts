// GET /api/dashboard/duplicate-cmids – CMIDs shared by several machines, with the fix
import { json } from "@/lib/access/http/respond";
import { duplicateCmidsSchema } from "@/lib/read/contract/fleet";
import { withUser } from "@/lib/access/http/handlers";
import { DUPLICATE_CMID_FIX, getDuplicateCmids } from "@/lib/read/fleet/getDuplicateCmids";

export const GET = withUser(async () => json(duplicateCmidsSchema, { groups: await getDuplicateCmids(), fix: DUPLICATE_CMID_FIX }));
