// The "paste what you see" preview: parse one artifact, store nothing, report what was recognized and which fields
// were read by their shape because their label was unknown (lib/ingest/parse/shapes.ts).
import { ApiError } from "@/lib/core/errors";
import type { ParsedProduct, ParseResult } from "@/lib/kms/parsed";
import type { ParsePreview, ParseRequest } from "@/lib/kms/protocol";
import { parseDlv } from "@/lib/ingest/parse/dlv";
import { parseCim } from "@/lib/ingest/parse/cim";
import { parseEventXml } from "@/lib/ingest/parse/eventXml";
import { parseEventText } from "@/lib/ingest/parse/eventText";
import { newDraft } from "@/lib/ingest/parse/dlv/product";
import { normalizeText } from "@/lib/ingest/parse/dlv/normalize";
import { fillProductByShape, readShapes } from "@/lib/ingest/parse/shapes";
import { eventsByShape } from "@/lib/ingest/parse/eventShapes";

const fieldOf: Record<ParseRequest["type"], string> = { dlv: "text", cim: "products", events: "xml", eventText: "text" };

function unwrap<T>(request: ParseRequest, result: ParseResult<T>) {
  if (!result.ok) throw new ApiError("unparseable", `${result.error.code}: ${result.error.message}`, fieldOf[request.type]);
  const { recognized, unrecognized, warnings } = result;
  return { value: result.value, report: { recognized, unrecognized, warnings } };
}

/**
 * A /dlv in a language whose labels kmswatch does not know: one client product from the shapes alone, when they
 * show a CMID and at least one more field (a lone GUID is not a /dlv). null otherwise.
 */
function dlvByShapeOnly(text: string): ParsePreview | null {
  const lines = normalizeText(text)
    .lines.map((l) => l.text)
    .filter((l) => l !== "");
  const { fields, ambiguous } = readShapes(lines);
  const others = [fields.hresult, fields.partialProductKey, fields.kmsHost].filter((v) => v !== null);
  if (fields.cmid === null || others.length === 0) return null;
  const product: ParsedProduct = { ...newDraft(true).product, source: "dlv" };
  const { readByShape } = fillProductByShape([product], lines);
  return {
    products: [product],
    recognized: [],
    unrecognized: lines.slice(0, 50),
    warnings: ["no /dlv label was recognized (a language kmswatch does not know?): the fields below were read by shape only", ...ambiguous],
    errors: [],
    readByShape,
  };
}

function previewDlv(request: Extract<ParseRequest, { type: "dlv" }>): ParsePreview {
  const result = parseDlv(request.text);
  if (!result.ok && result.error.code === "not_recognized") {
    const byShape = dlvByShapeOnly(request.text);
    if (byShape) return byShape;
  }
  const { value, report } = unwrap(request, result);
  const shaped = fillProductByShape(value, report.unrecognized);
  return { products: value, ...report, warnings: [...report.warnings, ...shaped.warnings], errors: [], readByShape: shaped.readByShape };
}

export function previewParse(request: ParseRequest): ParsePreview {
  switch (request.type) {
    case "dlv":
      return previewDlv(request);
    case "cim": {
      const { value, report } = unwrap(request, parseCim({ service: request.service ?? undefined, products: request.products }));
      return { products: value, ...report, errors: [], readByShape: [] };
    }
    case "events": {
      const { value, report } = unwrap(request, parseEventXml(request.xml));
      const events = value.flatMap((item) => (item.ok ? [item.event] : []));
      const errors = value.flatMap((item, i) => (item.ok ? [] : [`event ${i + 1}: ${item.error}`]));
      return { events, ...report, errors, readByShape: [] };
    }
    case "eventText": {
      const result = parseEventText(request.text);
      if (!result.ok && result.error.code === "not_recognized") {
        // No label or message kmswatch knows (another language): the data lines are the same in every language.
        const byShape = eventsByShape(request.text);
        if (byShape.events.length > 0) {
          const note =
            "no event label or message was recognized (a language kmswatch does not know?): events read by the shape of their data";
          return {
            events: byShape.events,
            recognized: [],
            unrecognized: [],
            warnings: [note, ...byShape.warnings],
            errors: [],
            readByShape: byShape.readByShape,
          };
        }
      }
      const { value, report } = unwrap(request, result);
      return { events: value, ...report, errors: [], readByShape: [] };
    }
  }
}
