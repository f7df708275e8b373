// GET /api/dashboard/notifications/deliveries – the delivery log, newest first (?limit, ?channelId) (admins)
import { json } from "@/lib/access/http/respond";
import { deliveryListSchema } from "@/lib/evaluate/contract/settings";
import { z } from "zod";
import { withUser } from "@/lib/access/http/handlers";
import { searchParams } from "@/lib/access/http/params";
import { listDeliveries } from "@/lib/evaluate/notify/listDeliveries";
import { requestLocale } from "@/lib/present/i18n/locale";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), channelId: z.uuid().optional() });

export const GET = withUser(
  async (request, user) =>
    json(deliveryListSchema, {
      deliveries: await listDeliveries({ ...searchParams(request.url, querySchema), locale: requestLocale(request, user.locale) }),
    }),
  { role: "admin" },
);
