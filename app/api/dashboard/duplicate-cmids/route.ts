// GET /api/dashboard/duplicate-cmids – CMIDs shared by several machines, with the fix
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { DUPLICATE_CMID_FIX, getDuplicateCmids } from "@/lib/read/fleet/getDuplicateCmids";

export const GET = withUser(async () => NextResponse.json({ groups: await getDuplicateCmids(), fix: DUPLICATE_CMID_FIX }));
