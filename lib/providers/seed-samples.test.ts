/**
 * The providers' fixtures are the seed documents' samples (docs/providers/seeds/), so the tests
 * that read them test against what the providers published. Each provider document under
 * docs/providers/ says which edits, if any, a fixture carries; this checks exactly those.
 * SmartSender's two samples are checked in smartsender/mapper.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SEEDS = path.resolve(import.meta.dirname, "../../docs/providers/seeds");
const seed = (name: string) => readFileSync(path.join(SEEDS, name), "utf8");
const fixture = (provider: string, name: string) =>
  readFileSync(path.join(import.meta.dirname, provider, "fixtures", name), "utf8");

/** The text between two markers of a seed, each of which must be there. */
function between(text: string, start: string, end: string | null): string {
  const from = text.indexOf(start);
  expect(from, `seed has "${start}"`).toBeGreaterThanOrEqual(0);
  const body = text.slice(from + start.length);
  if (end === null) return body;
  const to = body.indexOf(end);
  expect(to, `seed has "${end}" after "${start}"`).toBeGreaterThanOrEqual(0);
  return body.slice(0, to);
}

describe("the Telegram bridge fixtures", () => {
  const text = seed("000_62f7899ae3925019.txt");

  it("are the seed's JSON sample and XML sample, byte for byte", () => {
    const json = between(text, "application/json, text/json\nSample:\n", "\napplication/xml");
    const xml = between(text, "application/xml, text/xml\nSample:\n", null);
    expect(fixture("tgbridge", "get-active-chat-by-phone.json")).toBe(json);
    expect(fixture("tgbridge", "get-active-chat-by-phone.xml")).toBe(xml);
  });
});

describe("the MAX seed kept beside the MAX fixtures", () => {
  it("is the seed document itself", () => {
    expect(fixture("max", "003_1ec703991a94c4d2.txt")).toBe(seed("003_1ec703991a94c4d2.txt"));
  });
});

describe("the chat operations fixtures", () => {
  const text = seed("002_15fee2cb1c4a27a3.txt");

  it("are the create request and the invitation samples verbatim", () => {
    const request = between(text, "provided as JSON:\n", "Request body parameters");
    const invitation = between(text, "invitation link as follows:\n", null);
    expect(fixture("chatops", "create-chat-request.json")).toBe(request);
    expect(fixture("chatops", "invitation.json")).toBe(invitation);
  });

  it("are the detail sample verbatim, without the prose after its closing brace", () => {
    const detail = between(text, "you will get the following JSON object:\n", " Where:");
    expect(fixture("chatops", "chat-detail.json")).toBe(`${detail}\n`);
  });

  it("are the list sample verbatim, less the '...' that stands for more records", () => {
    const list = between(text, "Following JSON object:\n", "Delete user from");
    expect(list).toContain("},\n...\n],");
    expect(fixture("chatops", "chat-list.json")).toBe(list.replace("},\n...\n],", "}\n],"));
  });
});
