// The "paste what you see" preview: parse one artifact, store nothing, report what was recognized.
import { ApiError } from "@/lib/core/errors";
import type { ParseResult } from "@/lib/kms/parsed";
import type { ParseRequest, ParseResponse } from "@/lib/kms/protocol";
import { parseDlv } from "@/lib/ingest/parse/dlv";
import { parseCim } from "@/lib/ingest/parse/cim";
import { parseEventXml } from "@/lib/ingest/parse/eventXml";
import { parseEventText } from "@/lib/ingest/parse/eventText";

const fieldOf: Record<ParseRequest["type"], string> = { dlv: "text", cim: "products", events: "xml", eventText: "text" };

function unwrap<T>(request: ParseRequest, result: ParseResult<T>) {
  if (!result.ok) throw new ApiError("unparseable", `${result.error.code}: ${result.error.message}`, fieldOf[request.type]);
  const { recognized, unrecognized, warnings } = result;
  return { value: result.value, report: { recognized, unrecognized, warnings } };
}

export function previewParse(request: ParseRequest): ParseResponse {
  switch (request.type) {
    case "dlv": {
      const { value, report } = unwrap(request, parseDlv(request.text));
      return { products: value, ...report, errors: [] };
    }
    case "cim": {
      const { value, report } = unwrap(request, parseCim({ service: request.service ?? undefined, products: request.products }));
      return { products: value, ...report, errors: [] };
    }
    case "events": {
      const { value, report } = unwrap(request, parseEventXml(request.xml));
      const events = value.flatMap((item) => (item.ok ? [item.event] : []));
      const errors = value.flatMap((item, i) => (item.ok ? [] : [`event ${i + 1}: ${item.error}`]));
      return { events, ...report, errors };
    }
    case "eventText": {
      const { value, report } = unwrap(request, parseEventText(request.text));
      return { events: value, ...report, errors: [] };
    }
  }
}
