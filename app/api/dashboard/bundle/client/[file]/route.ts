// GET /api/dashboard/bundle/client/:id.zip?days=30 – support bundle (admins) of a client (raw /dlv, Application log 12288/12289, summary, findings)
import { withUser } from "@/lib/access/http/handlers";
import { bundleDays, bundleMachineId, type BundleFileContext } from "@/lib/read/bundle/params";
import { supportBundle } from "@/lib/read/bundle/supportBundle";
import { zipResponse } from "@/lib/read/bundle/response";

// Admins only: a bundle is 30 days of a machine's raw reports in one file, made to leave the building.
export const GET = withUser<BundleFileContext>(
  async (request, _user, context) =>
    zipResponse(await supportBundle("client", await bundleMachineId(context), bundleDays(request.url), new Date())),
  { role: "admin" },
);
