// GET /api/dashboard/duplicate-cmids – CMIDs shared by several machines, with the fix
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { DUPLICATE_CMID_FIX, getDuplicateCmids } from "@/lib/queries/getDuplicateCmids";

export const GET = withUser(async () => NextResponse.json({ groups: await getDuplicateCmids(), fix: DUPLICATE_CMID_FIX }));
