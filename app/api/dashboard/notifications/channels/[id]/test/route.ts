// POST /api/dashboard/notifications/channels/:id/test – send a test message now and report the attempt (admins)
import { json } from "@/lib/access/http/respond";
import { channelTestResultSchema } from "@/lib/evaluate/contract/settings";
import { withUser } from "@/lib/access/http/handlers";
import { isoOrNull } from "@/lib/core/sql";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { sendTestNotification } from "@/lib/evaluate/notify/channelMutations";

export const POST = withUser<IdContext>(
  async (_request, _user, context) => {
    const attempt = await sendTestNotification(await idParam(context));
    return json(channelTestResultSchema, { ...attempt, sentAt: isoOrNull(attempt.sentAt) });
  },
  { role: "admin" },
);
