// POST /api/dashboard/audit/approved – approve a KMS host; DELETE ?host= – remove it (admins)
import { json } from "@/lib/access/http/respond";
import { approvedHostSchema, removedSchema } from "@/lib/access/contract/admin";
import { z } from "zod";
import { withUser } from "@/lib/access/http/handlers";
import { readJsonBody } from "@/lib/access/http/readJson";
import { searchParams } from "@/lib/access/http/params";
import { approveHost, approveHostSchema, unapproveHost } from "@/lib/access/admin/approvedHostMutations";
import { queueFleetEvaluation } from "@/lib/evaluate/alerts/queue";

// Approving or removing a host changes the rogue-host findings of every client using it.
export const POST = withUser(
  async (request, user) => {
    const approved = await approveHost(await readJsonBody(request, approveHostSchema, 16 * 1024), user);
    queueFleetEvaluation();
    return json(approvedHostSchema, approved, { status: 201 });
  },
  { role: "admin" },
);

export const DELETE = withUser(
  async (request, user) => {
    const { host } = searchParams(request.url, z.object({ host: z.string().min(1) }));
    await unapproveHost(host, user);
    queueFleetEvaluation();
    return json(removedSchema, { removed: host });
  },
  { role: "admin" },
);
