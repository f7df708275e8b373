// PATCH /api/dashboard/notifications/channels/:id – enable, disable or rename; DELETE – remove (admins)
import { adminChangeRoute } from "@/app/api/dashboard/adminChangeRoute";
import { json } from "@/lib/access/http/respond";
import { channelViewSchema } from "@/lib/evaluate/contract/settings";
import { deletedSchema } from "@/lib/access/contract/admin";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, type IdContext } from "@/lib/access/http/params";
import { readJsonBody } from "@/lib/access/http/readJson";
import { updateChannelSchema } from "@/lib/evaluate/notify/channels";
import { deleteChannel, updateChannel } from "@/lib/evaluate/notify/channelMutations";

export const PATCH = adminChangeRoute(
  (request) => readJsonBody(request, updateChannelSchema, 16 * 1024),
  channelViewSchema,
  (id, change) => updateChannel(id, change),
);

export const DELETE = withUser<IdContext>(
  async (_request, _user, context) => {
    const id = await idParam(context);
    await deleteChannel(id);
    return json(deletedSchema, { deleted: id });
  },
  { role: "admin" },
);
