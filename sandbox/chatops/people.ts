/**
 * People and titles of the sandbox Chat operations API: support agents, bots and customers of
 * Telegram support groups, in Russian, Ukrainian and English.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt (participants, titles) and docs/providers/chatops.md.
 */
import type { WireParticipant } from "@/sandbox/chatops/wire";
import { firstName, intBetween, type Locale, personName, pick, type Rng } from "@/sandbox/core/corpus";

export type Person = { id: string; firstname?: string; username: string };

/** The seed's two participants: the installation's bot and the agent who invites it. */
export const SEED_BOT: Person = {
  id: "5a9b042b-36ca-4aab-ba50-7ceda030d33f",
  firstname: "Flood_wait_bot",
  username: "Flood_wait_bot",
};
export const SEED_AGENT: Person = { id: "ba2cc0a8-841c-49d3-9c30-418e955f06ff", username: "JorgeOiz" };

const OTHER_AGENTS = [
  { firstname: "Олена", username: "olena_support" },
  { firstname: "Дмитрий", username: "dmitry_helpdesk" },
  { firstname: "Emily", username: "emily_care" },
] as const;

const OTHER_BOTS = [
  { firstname: "Нова Пошта трекінг", username: "np_tracking_bot" },
  { firstname: "Статус заказа", username: "order_status_bot" },
  { firstname: "CSAT Survey", username: "CsatSurveyBot" },
] as const;

/** A random version 4 UUID from the fake's seeded generator. */
export function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join("");
  const variant = "89ab"[Math.floor(rng() * 4)] ?? "8";
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function staffOf(rng: Rng): { agents: Person[]; bots: Person[] } {
  return {
    agents: [SEED_AGENT, ...OTHER_AGENTS.map((agent) => ({ id: uuid(rng), ...agent }))],
    bots: OTHER_BOTS.map((bot) => ({ id: uuid(rng), ...bot })),
  };
}

const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ye",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

function latin(text: string): string {
  return [...text.toLowerCase()].map((char) => LATIN[char] ?? (/[a-z0-9_]/.test(char) ? char : "")).join("");
}

/** Someone the sandbox was told about by name (an injected message's author). */
export function namedCustomer(rng: Rng, name: string): Person {
  const username = latin(name.replace(/\s+/g, "_")) || "customer";
  return { id: uuid(rng), firstname: name, username: `${username}_${intBetween(rng, 10, 99)}` };
}

/** A customer with a Telegram-style username; some have no first name, like the seed's "JorgeOiz". */
export function customer(rng: Rng, locale: Locale): Person & { fullName: string } {
  const fullName = personName(rng, locale);
  const [first = firstName(rng, locale), last = ""] = fullName.split(" ");
  const suffix = rng() < 0.4 ? String(intBetween(rng, 1, 99)) : "";
  const username = `${latin(first)}_${latin(last)}${suffix}`;
  return { id: uuid(rng), ...(rng() < 0.85 ? { firstname: first } : {}), username, fullName };
}

export function participantOf(person: Person, joinedAt: string, invitedBy?: string): WireParticipant {
  return {
    id: person.id,
    userProperties: {
      ...(person.firstname === undefined ? {} : { firstname: person.firstname }),
      username: person.username,
    },
    participations: [{ isActive: true, joinedAt, ...(invitedBy === undefined ? {} : { invitedBy }) }],
  };
}

const FIRST_TITLE: Record<Locale, string> = { ru: "Новый чат", uk: "Новий чат", en: "New chat" };
const RESOLVED: Record<Locale, string> = { ru: "[Решено]", uk: "[Вирішено]", en: "[Resolved]" };
const TITLES: Record<Locale, ReadonlyArray<(name: string, order: number) => string>> = {
  ru: [
    (name, order) => `Заказ №${order} — ${name}`,
    (name) => `Поддержка: ${name}`,
    (_, order) => `Возврат по заказу ${order}`,
    (name) => `Доставка — ${name}`,
  ],
  uk: [
    (name, order) => `Замовлення №${order} — ${name}`,
    (name) => `Підтримка: ${name}`,
    (_, order) => `Повернення коштів ${order}`,
    (name) => `Доставка — ${name}`,
  ],
  en: [
    (name, order) => `Order #${order} — ${name}`,
    (name) => `Support: ${name}`,
    (_, order) => `Refund request ${order}`,
    (name) => `Delivery issue — ${name}`,
  ],
};

/** Every title the chat has had, oldest first: a placeholder, the real subject, "resolved" when closed. */
export function titleHistory(rng: Rng, locale: Locale, customerName: string, closed: boolean): string[] {
  const subject = pick(rng, TITLES[locale])(customerName, intBetween(rng, 10_000, 99_999));
  const history = rng() < 0.35 ? [FIRST_TITLE[locale], subject] : [subject];
  return closed && rng() < 0.5 ? [...history, `${RESOLVED[locale]} ${subject}`] : history;
}

const BOT_LINES: Record<Locale, string> = {
  ru: "Ваше обращение №{n} зарегистрировано. Оператор ответит в ближайшее время.",
  uk: "Ваше звернення №{n} зареєстровано. Оператор відповість найближчим часом.",
  en: "Your request #{n} has been registered. An agent will reply shortly.",
};

export function botLine(rng: Rng, locale: Locale): { text: string; bold: string } {
  const number = String(intBetween(rng, 100_000, 999_999));
  const text = BOT_LINES[locale].replace("{n}", number);
  return { text, bold: `${locale === "en" ? "#" : "№"}${number}` };
}

export function invitationCode(rng: Rng): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  return Array.from({ length: 16 }, () => alphabet[Math.floor(rng() * alphabet.length)]).join("");
}
