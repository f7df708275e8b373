// GET /api/dashboard/audit – every KMS host seen, approved or not, and who uses it
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { getHostAudit } from "@/lib/read/audit/getHostAudit";

export const GET = withUser(async () => NextResponse.json(await getHostAudit()));
