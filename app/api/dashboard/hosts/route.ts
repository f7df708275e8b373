// GET /api/dashboard/hosts – KMS hosts and their current state
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handlers";
import { getHostList } from "@/lib/queries/getHostList";

export const GET = withUser(async () => NextResponse.json({ hosts: await getHostList() }));
