// GET /api/dashboard/audit – every KMS host seen, approved or not, and who uses it
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { getHostAudit } from "@/lib/queries/getHostAudit";

export const GET = withUser(async () => NextResponse.json(await getHostAudit()));
