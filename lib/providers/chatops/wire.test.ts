/**
 * The wire schemas and the readers of undocumented bodies (created ids, error messages).
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */
import { describe, expect, it } from "vitest";
import chatDetail from "@/lib/providers/chatops/fixtures/chat-detail.json";
import invitation from "@/lib/providers/chatops/fixtures/invitation.json";
import { chatSchema, createdIdOf, errorMessageOf, invitationSchema } from "@/lib/providers/chatops/wire";

describe("schemas", () => {
  it("accept the seed's samples and keep fields the documents do not list", () => {
    const parsed = chatSchema.parse({ ...chatDetail, description: "VIP" });
    expect(parsed).toEqual({ ...chatDetail, description: "VIP" });
    expect(invitationSchema.parse(invitation).invitation).toBe("https://t.me/xxxxxxxx");
  });

  it("refuse a chat without an id, and require nothing else (docs/providers/README.md, rule 2)", () => {
    const { id: _id, ...withoutId } = chatDetail;
    expect(chatSchema.safeParse(withoutId).success).toBe(false);
    expect(chatSchema.safeParse({ ...chatDetail, id: "" }).success).toBe(false);
    const { isActive: _dropped, ...withoutFlag } = chatDetail;
    expect(chatSchema.safeParse(withoutFlag).success).toBe(true);
    expect(chatSchema.safeParse({ ...chatDetail, registeredAt: "yesterday" }).success).toBe(true);
  });
});

describe("createdIdOf", () => {
  const id = "9a983789-1709-4543-aa31-a02867680017";

  it("reads the id from a JSON string, an object, or plain text", () => {
    expect(createdIdOf(JSON.stringify(id))).toBe(id);
    expect(createdIdOf(JSON.stringify({ id }))).toBe(id);
    expect(createdIdOf(`${id}\n`)).toBe(id);
    expect(createdIdOf("12345")).toBe("12345");
  });

  it("finds no id in an empty or unrelated body", () => {
    expect(createdIdOf("")).toBeNull();
    expect(createdIdOf('"  "')).toBeNull();
    expect(createdIdOf('{"status":"accepted"}')).toBeNull();
    expect(createdIdOf("Chat created")).toBeNull();
  });
});

describe("errorMessageOf", () => {
  it("reads Spring's message, then problem details, then plain text", () => {
    expect(errorMessageOf({ status: 400, error: "Bad Request", message: "size must be between 1 and 200" }, "")).toBe(
      "size must be between 1 and 200",
    );
    expect(errorMessageOf({ title: "Not Found", detail: "Chat 1 not found" }, "")).toBe("Chat 1 not found");
    expect(errorMessageOf({ status: 401, error: "Unauthorized" }, "")).toBe("Unauthorized");
    expect(errorMessageOf(undefined, "Invalid token")).toBe("Invalid token");
    expect(errorMessageOf(undefined, "<html><body>502</body></html>")).toBeNull();
  });
});
