// GET /api/dashboard/hosts – KMS hosts and their current state
import { NextResponse } from "next/server";
import { withUser } from "@/lib/access/http/handlers";
import { getHostList } from "@/lib/read/hosts/getHostList";

export const GET = withUser(async () => NextResponse.json({ hosts: await getHostList() }));
