// GET/POST/DELETE /api/dashboard/settings/intended-channels – activation channels used on purpose (MAK by intent; admins)
import { json } from "@/lib/access/http/respond";
import { intendedChannelListSchema, intendedChannelViewSchema } from "@/lib/evaluate/contract/settings";
import { removedSchema } from "@/lib/access/contract/admin";
import { z } from "zod";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { searchParams } from "@/lib/access/http/params";
import { intendedChannelInputSchema } from "@/lib/kms/intendedChannels";
import { addIntendedChannel, listIntendedChannels, removeIntendedChannel } from "@/lib/evaluate/intent/intendedChannels";
import { queueFleetEvaluation } from "@/lib/evaluate/alerts/queue";

export const GET = withUser(async () => json(intendedChannelListSchema, { entries: await listIntendedChannels() }), { role: "admin" });

// A change alters the GVLK findings of every machine of that channel: the fleet is re-evaluated.
export const POST = withUser(
  async (request, user) => {
    const { entry, created } = await addIntendedChannel(await readJsonBody(request, intendedChannelInputSchema, 16 * 1024), user);
    if (created) queueFleetEvaluation();
    return json(intendedChannelViewSchema, entry, { status: created ? 201 : 200 });
  },
  { role: "admin" },
);

export const DELETE = withUser(
  async (request, user) => {
    const { id } = searchParams(request.url, z.object({ id: z.uuid() }));
    await removeIntendedChannel(id, user);
    queueFleetEvaluation();
    return json(removedSchema, { removed: id });
  },
  { role: "admin" },
);
