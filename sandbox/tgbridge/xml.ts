/**
 * The sandbox bridge's DataContract XML, as ASP.NET's DataContractSerializer writes it: enums
 * as names, members in ordinal order (a base class's before the derived class's), one element
 * per line, no indentation, as in docs/providers/seeds/000_62f7899ae3925019.txt, so the seed's XML
 * sample comes back byte for byte.
 */
import {
  WIRE_MESSAGE_TYPES,
  WIRE_SOURCES,
  WIRE_STATES,
  type WireActiveChat,
  type WireChat,
  type WireChatData,
  type WireMessage,
} from "@/sandbox/tgbridge/wire";

const INSTANCE_NS = "http://www.w3.org/2001/XMLSchema-instance";
const TELEGRAM_NS = "http://schemas.datacontract.org/2004/07/Data.Repositories.Telegram";
const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

type XmlNode = { name: string; attributes?: string; nil?: boolean; text?: string; children?: XmlNode[] };

/** Members written as enum names. */
const ENUMS: Record<string, readonly string[]> = {
  MessageType: WIRE_MESSAGE_TYPES,
  Source: WIRE_SOURCES,
  State: WIRE_STATES,
};

/** Members that are string collections (`string[]`), written in the Arrays namespace. */
const STRING_COLLECTIONS = new Set(["Attachments", "copilotMessages"]);

/** MessageStructDto's own members, after its base class MessageStruct's (the seed's order). */
const MESSAGE_DTO_MEMBERS = ["AdditionalKey", "Reactions", "Reply"];

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function render(node: XmlNode): string {
  const attributes = node.attributes ? ` ${node.attributes}` : "";
  if (node.nil) return `<${node.name} i:nil="true" />`;
  if (node.text !== undefined) return `<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`;
  const children = node.children ?? [];
  if (children.length === 0) return `<${node.name}${attributes} />`;
  return `<${node.name}${attributes}>\n${children.map(render).join("\n")}\n</${node.name}>`;
}

function leaf(name: string, value: unknown): XmlNode {
  if (value === null || value === undefined) return { name, nil: true };
  const names = ENUMS[name];
  return { name, text: String(names && typeof value === "number" ? (names[value] ?? value) : value) };
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

/** An object's members as elements, in the order given (nested objects and arrays of objects too). */
function members(value: object, names: string[], depth: number): XmlNode[] {
  const fields = value as Record<string, unknown>;
  return names.map((name) => {
    const member = fields[name];
    if (STRING_COLLECTIONS.has(name)) return stringArray(name, member as string[] | null, depth + 1);
    if (Array.isArray(member)) {
      // A collection of data contracts: items named by their type (Reactions holds Reaction).
      const itemName = name.replace(/s$/, "");
      return { name, children: member.map((item: object) => ({ name: itemName, children: ordered(item, depth + 2) })) };
    }
    if (typeof member === "object" && member !== null) return { name, children: ordered(member, depth + 1) };
    return leaf(name, member);
  });
}

/** A data contract's members in DataContract's own order: ordinal by name. */
function ordered(value: object, depth: number, except: string[] = []): XmlNode[] {
  const names = Object.keys(value).filter((name) => !except.includes(name));
  return members(value, names.sort(), depth);
}

function messageNode(message: WireMessage, depth: number): XmlNode {
  const base = ordered(message, depth, MESSAGE_DTO_MEMBERS);
  return { name: "MessageStructDto", children: [...base, ...members(message, MESSAGE_DTO_MEMBERS, depth)] };
}

/** A collection element at `depth` whose items are MessageStructDto one level deeper. */
function messagesNode(name: string, messages: WireMessage[], depth: number): XmlNode {
  return { name, children: messages.map((message) => messageNode(message, depth + 1)) };
}

function chatNode(chat: WireChat, depth: number, name = "ChatDto"): XmlNode {
  return { name, children: ordered(chat, depth) };
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
    document({ name: "ArrayOfChatDto", children: chats.map((chat) => chatNode(chat, 2)) }),
  /** GetChatData's class is not named in the documents: "ChatData" is the sandbox's. */
  chatData: (value: WireChatData): string =>
    document({
      name: "ChatData",
      children: [
        value.chatInfo === null ? { name: "chatInfo", nil: true } : chatNode(value.chatInfo, 2, "chatInfo"),
        stringArray("copilotMessages", value.copilotMessages, 2),
        messagesNode("messages", value.messages, 2),
      ],
    }),
  message: (message: WireMessage): string => document(messageNode(message, 1)),
  error: (error: Record<string, string>): string =>
    render({ name: "Error", children: Object.entries(error).map(([name, text]) => leaf(name, text)) }),
};
