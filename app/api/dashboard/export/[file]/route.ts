// GET /api/dashboard/export/:table.csv – download a dashboard table (clients, hosts, alerts, duplicate-cmids, audit) as CSV with the page's filters
import { withUser } from "@/lib/access/http/handlers";
import { ApiError } from "@/lib/core/errors";
import { attachmentHeaders, CSV_CONTENT_TYPE } from "@/lib/read/export/csv";
import { exportTables } from "@/lib/read/export/tables";
import { requestLocale } from "@/lib/present/i18n/locale";

type FileContext = { params: Promise<{ file: string }> };

export const GET = withUser<FileContext>(async (request, user, context) => {
  const { file } = await context.params;
  const table = Object.hasOwn(exportTables, file) ? exportTables[file] : undefined;
  if (!table) throw new ApiError("not_found", `no such export; try one of ${Object.keys(exportTables).join(", ")}`, "file");
  return new Response(await table.open(request.url, requestLocale(request, user.locale)), {
    headers: attachmentHeaders(table.base, "csv", CSV_CONTENT_TYPE),
  });
});
