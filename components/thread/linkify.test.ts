import { describe, expect, it } from "vitest";
import { tokenizeText } from "@/components/thread/linkify";

describe("tokenizeText", () => {
  it("leaves text without links as one text token", () => {
    expect(tokenizeText("Здравствуйте! Где мой заказ?")).toEqual([
      { type: "text", text: "Здравствуйте! Где мой заказ?" },
    ]);
    expect(tokenizeText("")).toEqual([]);
  });

  it("turns http and https URLs into links and keeps the text around them", () => {
    expect(tokenizeText("Track it at https://example.com/track?id=7 please")).toEqual([
      { type: "text", text: "Track it at " },
      { type: "link", text: "https://example.com/track?id=7", href: "https://example.com/track?id=7" },
      { type: "text", text: " please" },
    ]);
    expect(tokenizeText("http://a.example and https://b.example")).toEqual([
      { type: "link", text: "http://a.example", href: "http://a.example/" },
      { type: "text", text: " and " },
      { type: "link", text: "https://b.example", href: "https://b.example/" },
    ]);
  });

  it("keeps sentence punctuation and enclosing brackets out of the link", () => {
    expect(tokenizeText("See https://example.com/faq.")).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "https://example.com/faq", href: "https://example.com/faq" },
      { type: "text", text: "." },
    ]);
    expect(tokenizeText("(docs: https://example.com/a)")).toEqual([
      { type: "text", text: "(docs: " },
      { type: "link", text: "https://example.com/a", href: "https://example.com/a" },
      { type: "text", text: ")" },
    ]);
    expect(tokenizeText("https://en.wikipedia.org/wiki/Mercury_(planet)")[0]).toEqual({
      type: "link",
      text: "https://en.wikipedia.org/wiki/Mercury_(planet)",
      href: "https://en.wikipedia.org/wiki/Mercury_(planet)",
    });
  });

  it("never links other schemes or markup", () => {
    for (const text of [
      "javascript:alert(1)",
      '<a href="javascript:alert(1)">click</a>',
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "<img src=x onerror=alert(1)>",
      "www.example.com",
    ]) {
      expect(
        tokenizeText(text).every((token) => token.type === "text"),
        text,
      ).toBe(true);
    }
  });

  it("stops a URL at quotes and angle brackets, so markup around it stays text", () => {
    expect(tokenizeText('<a href="https://example.com/x">x</a>')).toEqual([
      { type: "text", text: '<a href="' },
      { type: "link", text: "https://example.com/x", href: "https://example.com/x" },
      { type: "text", text: '">x</a>' },
    ]);
  });
});
