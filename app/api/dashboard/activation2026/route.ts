// GET /api/dashboard/activation2026 – fleet: hardware-secured readiness, product coverage by host keys, activation types
import { json } from "@/lib/access/http/respond";
import { fleetActivation2026Schema } from "@/lib/read/contract/activation2026";
import { withUser } from "@/lib/access/http/handlers";
import { getFleetActivation2026 } from "@/lib/read/activation2026/getFleetActivation2026";

export const GET = withUser(async () => json(fleetActivation2026Schema, await getFleetActivation2026(new Date())));
