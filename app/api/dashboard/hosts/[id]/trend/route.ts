// GET /api/dashboard/hosts/:id/trend?range=30d&unit=day – reported, reconstructed and forecast count
import { json } from "@/lib/access/http/respond";
import { hostCountTrendSchema } from "@/lib/read/contract/hosts";
import { z } from "zod";
import { withUser } from "@/lib/access/http/handlers";
import { idParam, searchParams, type IdContext } from "@/lib/access/http/params";
import { getHostCountTrend } from "@/lib/read/hosts/getHostCountTrend";
import { bucketUnitSchema, rangeSchema } from "@/lib/core/sql";

const trendQuerySchema = z.object({ range: rangeSchema.default("30d"), unit: bucketUnitSchema.optional() });

export const GET = withUser<IdContext>(async (request, _user, context) => {
  const { range, unit } = searchParams(request.url, trendQuerySchema);
  return json(hostCountTrendSchema, await getHostCountTrend(await idParam(context), range, new Date(), unit));
});
