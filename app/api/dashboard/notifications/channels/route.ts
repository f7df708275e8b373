// GET /api/dashboard/notifications/channels – channels, secrets masked; POST – add one (admins)
import { json } from "@/lib/access/http/respond";
import { channelListSchema, channelViewSchema } from "@/lib/evaluate/contract/settings";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { createChannelSchema } from "@/lib/evaluate/notify/channels";
import { listChannels } from "@/lib/evaluate/notify/listChannels";
import { createChannel } from "@/lib/evaluate/notify/channelMutations";

export const GET = withUser(async () => json(channelListSchema, { channels: await listChannels() }), { role: "admin" });

export const POST = withUser(
  async (request) =>
    json(channelViewSchema, await createChannel(await readJsonBody(request, createChannelSchema, 16 * 1024)), { status: 201 }),
  { role: "admin" },
);
