/**
 * How the sandbox bridge writes its answers, like ASP.NET Web API does: content negotiation
 * on Accept (JSON unless XML ranks higher), JSON with enums as numbers, DataContract XML with
 * enums as names. Layout as in ../shared/seeds/000_62f7899ae3925019.txt (one token or element per
 * line, no indentation), so the seed's samples come back byte for byte.
 */
import type { FakeResponse } from "@/sandbox/core/http";
import {
  WIRE_MESSAGE_TYPES,
  WIRE_SOURCES,
  WIRE_STATES,
  type WireActiveChat,
  type WireChat,
  type WireChatData,
  type WireMessage,
} from "@/sandbox/tgbridge/wire";

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

// ───────────────────────────── DataContract XML ─────────────────────────────

const INSTANCE_NS = "http://www.w3.org/2001/XMLSchema-instance";
const TELEGRAM_NS = "http://schemas.datacontract.org/2004/07/Data.Repositories.Telegram";
const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

type XmlNode = { name: string; attributes?: string; nil?: boolean; text?: string; children?: XmlNode[] };

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function render(node: XmlNode): string {
  const attributes = node.attributes ? ` ${node.attributes}` : "";
  if (node.nil) return `<${node.name} i:nil="true" />`;
  if (node.text !== undefined) return `<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`;
  const children = node.children ?? [];
  if (children.length === 0) return `<${node.name}${attributes} />`;
  return `<${node.name}${attributes}>\n${children.map(render).join("\n")}\n</${node.name}>`;
}

function leaf(name: string, value: string | number | null): XmlNode {
  return value === null ? { name, nil: true } : { name, text: String(value) };
}

function enumLeaf(name: string, names: readonly string[], value: number): XmlNode {
  return leaf(name, names[value] ?? value);
}

/** A string collection at element depth `depth` (root = 1): items in the Arrays namespace, prefixed d<depth>p1 as DataContractSerializer does. */
function stringArray(name: string, items: string[] | null, depth: number): XmlNode {
  if (items === null) return { name, nil: true };
  const prefix = `d${depth}p1`;
  return {
    name,
    attributes: `xmlns:${prefix}="${ARRAYS_NS}"`,
    children: items.map((item) => leaf(`${prefix}:string`, item)),
  };
}

/** DataContract order: base class members alphabetically (MessageStruct), then AdditionalKey, then the DTO's. */
function messageNode(message: WireMessage, depth: number): XmlNode {
  return {
    name: "MessageStructDto",
    children: [
      leaf("Area", message.Area),
      stringArray("Attachments", message.Attachments, depth + 1),
      leaf("ChannelId", message.ChannelId),
      leaf("Chat", message.Chat),
      leaf("ChatId", message.ChatId),
      leaf("Created", message.Created),
      leaf("EmployeeId", message.EmployeeId),
      leaf("From", message.From),
      leaf("Id", message.Id),
      leaf("Level", message.Level),
      leaf("Message", message.Message),
      enumLeaf("MessageType", WIRE_MESSAGE_TYPES, message.MessageType),
      leaf("Phone", message.Phone),
      leaf("ReplyId", message.ReplyId),
      enumLeaf("Source", WIRE_SOURCES, message.Source),
      enumLeaf("State", WIRE_STATES, message.State),
      leaf("AdditionalKey", message.AdditionalKey),
      message.Reactions === null
        ? { name: "Reactions", nil: true }
        : {
            name: "Reactions",
            children: message.Reactions.map((reaction) => ({
              name: "Reaction",
              children: [leaf("Emoji", reaction.Emoji), leaf("Employee", reaction.Employee)],
            })),
          },
      message.Reply === null
        ? { name: "Reply", nil: true }
        : {
            name: "Reply",
            children: [
              leaf("Id", message.Reply.Id),
              leaf("Message", message.Reply.Message),
              leaf("Name", message.Reply.Name),
            ],
          },
    ],
  };
}

/** A collection element at `depth` whose items are MessageStructDto one level deeper. */
function messagesNode(name: string, messages: WireMessage[], depth: number): XmlNode {
  return { name, children: messages.map((message) => messageNode(message, depth + 1)) };
}

function chatNode(chat: WireChat, name = "ChatDto"): XmlNode {
  return {
    name,
    children: [
      leaf("Area", chat.Area),
      leaf("ChannelId", chat.ChannelId),
      leaf("ChatId", chat.ChatId),
      leaf("Classification", chat.Classification),
      leaf("CloseDate", chat.CloseDate),
      leaf("Created", chat.Created),
      leaf("Id", chat.Id),
      leaf("LastEmployee", chat.LastEmployee),
      leaf("LastMessage", chat.LastMessage),
      leaf("Name", chat.Name),
      leaf("Phone", chat.Phone),
      enumLeaf("Source", WIRE_SOURCES, chat.Source),
      enumLeaf("State", WIRE_STATES, chat.State),
    ],
  };
}

function document(root: XmlNode): string {
  const namespaces = `xmlns:i="${INSTANCE_NS}" xmlns="${TELEGRAM_NS}"`;
  if (root.nil) return `<${root.name} i:nil="true" ${namespaces} />`;
  return render({ ...root, attributes: root.attributes ? `${namespaces} ${root.attributes}` : namespaces });
}

export const toXml = {
  activeChat: (value: WireActiveChat | null): string =>
    document(
      value === null
        ? { name: "ActiveChat", nil: true }
        : { name: "ActiveChat", children: [leaf("Id", value.Id), messagesNode("Messages", value.Messages, 2)] },
    ),
  chats: (chats: WireChat[]): string =>
    document({ name: "ArrayOfChatDto", children: chats.map((chat) => chatNode(chat)) }),
  /** GetChatData's class is not named in the documents: "ChatData" is the sandbox's. */
  chatData: (value: WireChatData): string =>
    document({
      name: "ChatData",
      children: [
        value.chatInfo === null ? { name: "chatInfo", nil: true } : chatNode(value.chatInfo, "chatInfo"),
        stringArray("copilotMessages", value.copilotMessages, 2),
        messagesNode("messages", value.messages, 2),
      ],
    }),
  message: (message: WireMessage): string => document(messageNode(message, 1)),
  error: (error: Record<string, string>): string =>
    render({ name: "Error", children: Object.entries(error).map(([name, text]) => leaf(name, text)) }),
};

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
