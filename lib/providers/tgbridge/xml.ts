/**
 * Reads the bridge's DataContract XML into the same plain shape its JSON has, so one set of
 * schemas validates both. Docs: docs/providers/seeds/000_62f7899ae3925019.txt (the XML sample) and
 * docs/providers/tgbridge.md.
 *
 * DataContract rules this relies on: every property is an element named like the JSON key;
 * `i:nil="true"` is null; collections are a wrapper element whose children are the items
 * (`<Messages><MessageStructDto>…`, `<Attachments><d4p1:string>…`, a root `ArrayOfChatDto`).
 * Leaf values stay strings ("1", "true", "CloseChatMode"): the schemas accept them as such.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ARRAYS_NAMESPACE = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/** Properties the documents show as collections, in either casing GetChatData may use. */
const COLLECTION_PROPERTIES = new Set([
  "Messages",
  "messages",
  "copilotMessages",
  "CopilotMessages",
  "Attachments",
  "Reactions",
]);

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  // Message texts keep their own leading and trailing spaces.
  trimValues: false,
  // Decodes numeric character references (&#1071;) as well as the XML entities.
  htmlEntities: true,
});

export class XmlSyntaxError extends Error {}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(":") + 1);

function tagOf(node: OrderedNode): string | null {
  return Object.keys(node).find((key) => key !== ":@" && key !== "#text") ?? null;
}

function attributesOf(node: OrderedNode): Record<string, string> {
  return (node[":@"] as Record<string, string> | undefined) ?? {};
}

function isNil(attributes: Record<string, string>): boolean {
  return Object.entries(attributes).some(([name, value]) => localName(name) === "nil" && value === "true");
}

function declaresArraysNamespace(attributes: Record<string, string>): boolean {
  return Object.entries(attributes).some(([name, value]) => name.startsWith("xmlns") && value === ARRAYS_NAMESPACE);
}

function convert(node: OrderedNode, isRoot: boolean): unknown {
  const tag = tagOf(node);
  if (tag === null) return null;
  const attributes = attributesOf(node);
  if (isNil(attributes)) return null;
  const content = (node[tag] as OrderedNode[] | undefined) ?? [];
  const elements = content.filter((child) => tagOf(child) !== null);
  const name = localName(tag);
  const isCollection =
    COLLECTION_PROPERTIES.has(name) || declaresArraysNamespace(attributes) || (isRoot && name.startsWith("ArrayOf"));
  if (isCollection) return elements.map((child) => convert(child, false));
  if (elements.length === 0) return content.map((child) => String(child["#text"] ?? "")).join("");
  const object: Record<string, unknown> = {};
  for (const child of elements) object[localName(tagOf(child) as string)] = convert(child, false);
  return object;
}

/** The root element's value: an object, an array (ArrayOf…), a string, or null (`i:nil`). */
export function parseDataContractXml(text: string): unknown {
  const validation = XMLValidator.validate(text);
  if (validation !== true) throw new XmlSyntaxError(`invalid XML: ${validation.err.msg} (line ${validation.err.line})`);
  const nodes = parser.parse(text) as OrderedNode[];
  const root = nodes.find((node) => {
    const tag = tagOf(node);
    return tag !== null && !tag.startsWith("?");
  });
  if (!root) throw new XmlSyntaxError("XML without a root element");
  return convert(root, true);
}
