/**
 * How the sandbox bridge writes its answers, like ASP.NET Web API does: content negotiation
 * on Accept (JSON unless XML ranks higher), JSON with enums as numbers, DataContract XML
 * (xml.ts) with enums as names. Layout as in docs/providers/seeds/000_62f7899ae3925019.txt (one
 * token or element per line, no indentation), so the seed's samples come back byte for byte.
 */
import type { FakeResponse } from "@/sandbox/core/http";
import { toXml } from "@/sandbox/tgbridge/xml";

export type WireFormat = { kind: "json" | "xml"; mediaType: string };

const JSON_FORMAT: WireFormat = { kind: "json", mediaType: "application/json" };
const XML_FORMAT: WireFormat = { kind: "xml", mediaType: "application/xml" };

/** The media ranges each ASP.NET formatter answers, in formatter order (JSON first). */
const FORMATS: Array<{ range: string; format: WireFormat }> = [
  { range: "application/json", format: JSON_FORMAT },
  { range: "text/json", format: { kind: "json", mediaType: "text/json" } },
  { range: "application/xml", format: XML_FORMAT },
  { range: "text/xml", format: { kind: "xml", mediaType: "text/xml" } },
  { range: "*/*", format: JSON_FORMAT },
  { range: "application/*", format: JSON_FORMAT },
  { range: "text/*", format: { kind: "json", mediaType: "text/json" } },
];

/** The format ASP.NET's default negotiator picks; `xmlOnly` is the sandbox switch of a bridge without JSON. */
export function negotiate(accept: string | undefined, xmlOnly: boolean): WireFormat {
  const ranges = (accept ?? "")
    .split(",")
    .map((part, order) => {
      const [range = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith("q="));
      return { range, q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => entry.range !== "" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const chosen =
    ranges.map((entry) => FORMATS.find((candidate) => candidate.range === entry.range)?.format).find(Boolean) ??
    JSON_FORMAT;
  if (xmlOnly && chosen.kind === "json") return XML_FORMAT;
  return chosen;
}

/** JSON as the help page prints it: one token per line, no indentation. */
function helpPageJson(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .split("\n")
    .map((line) => line.trimStart())
    .join("\n");
}

/** One answer in the negotiated format; `xml` renders the same value as DataContract XML. */
export function answer(status: number, format: WireFormat, json: unknown, xml: () => string): FakeResponse {
  return {
    status,
    text: format.kind === "json" ? helpPageJson(json) : xml(),
    contentType: `${format.mediaType}; charset=utf-8`,
  };
}

/** An ASP.NET HttpError ({"Message", "MessageDetail"…}) in the negotiated format. */
export function httpError(
  status: number,
  format: WireFormat,
  error: Record<string, string>,
  headers?: Record<string, string>,
): FakeResponse {
  return { ...answer(status, format, error, () => toXml.error(error)), headers };
}
