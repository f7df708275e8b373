// GET /api/dashboard/overview – fleet health at a glance
import { json } from "@/lib/access/http/respond";
import { fleetOverviewSchema } from "@/lib/read/contract/fleet";
import { withUser } from "@/lib/access/http/handlers";
import { getFleetOverview } from "@/lib/read/fleet/getFleetOverview";

export const GET = withUser(async () => json(fleetOverviewSchema, await getFleetOverview(new Date())));
