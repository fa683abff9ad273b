import { describe, expect, it } from "vitest";
import { PROVIDER_INFO } from "@/lib/providers/catalog.types";
import { judgeOutgoingFile, mediaTypeOf, type OutgoingFilesPolicy } from "@/lib/providers/outgoing-files.types";

const MB = 1024 * 1024;
const policy: OutgoingFilesPolicy = {
  rules: [
    { kind: "image", mimeTypes: ["image/png", "image/jpeg"], maxBytes: 5 * MB },
    { kind: "file", mimeTypes: ["application/pdf"], maxBytes: 20 * MB },
  ],
  maxFiles: 1,
  withText: false,
  downloadsFromInbox: true,
};

describe("judging a file against a provider's policy", () => {
  it("takes a picture as an image and a document as a file, each up to its own size", () => {
    expect(judgeOutgoingFile(policy, { name: "a.png", type: "image/png", size: 5 * MB })).toEqual({
      ok: true,
      kind: "image",
      mimeType: "image/png",
    });
    expect(judgeOutgoingFile(policy, { name: "a.png", type: "image/png", size: 5 * MB + 1 })).toEqual({
      ok: false,
      reason: "tooLarge",
      maxBytes: 5 * MB,
    });
    expect(judgeOutgoingFile(policy, { name: "a.pdf", type: "application/pdf", size: 19 * MB })).toMatchObject({
      ok: true,
      kind: "file",
    });
  });

  it("refuses other types, empty files and names that are paths or carry control characters", () => {
    expect(judgeOutgoingFile(policy, { name: "a.exe", type: "application/x-msdownload", size: 10 })).toEqual({
      ok: false,
      reason: "type",
    });
    expect(judgeOutgoingFile(policy, { name: "a.png", type: "image/png", size: 0 })).toMatchObject({ reason: "empty" });
    for (const name of ["", "  ", "dir/a.png", "dir\\a.png", "a\u0000.png", "a\n.png", "x".repeat(256)]) {
      expect(judgeOutgoingFile(policy, { name, type: "image/png", size: 10 }), name).toMatchObject({ reason: "name" });
    }
  });

  it("reads a browser's type loosely (parameters, case) and treats a missing or odd one as unknown bytes", () => {
    expect(mediaTypeOf("Image/PNG; charset=binary")).toBe("image/png");
    expect(mediaTypeOf("")).toBe("application/octet-stream");
    expect(mediaTypeOf("not a type")).toBe("application/octet-stream");
    expect(mediaTypeOf(null)).toBe("application/octet-stream");
  });

  it.each(Object.values(PROVIDER_INFO))("$kind offers files exactly when it can send them", (info) => {
    const canSend = (info.capabilities as readonly string[]).includes("sendFile");
    expect("policy" in info.outgoingFiles).toBe(canSend);
  });
});
