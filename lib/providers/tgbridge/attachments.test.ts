import { describe, expect, it } from "vitest";
import { attachmentFromFileName } from "@/lib/providers/tgbridge/attachments";
import { mapMessages } from "@/lib/providers/tgbridge/mapper";
import { ZMessageStructDto } from "@/lib/providers/tgbridge/schemas";

describe("bridge attachment names", () => {
  it("a malformed %-escape (x%E0.jpg) keeps the name as sent instead of throwing URIError", () => {
    const attachment = attachmentFromFileName("https://files.example.com/a/x%E0.jpg");
    expect(attachment).toMatchObject({
      kind: "image",
      fileName: "x%E0.jpg",
      mimeType: "image/jpeg",
      url: "https://files.example.com/a/x%E0.jpg",
    });
    expect(attachmentFromFileName("x%E0.jpg")).toMatchObject({ kind: "image", fileName: "x%E0.jpg", url: null });
  });

  it("a bare file name keeps its name and a guessed kind but gets no address (nothing to load)", () => {
    for (const [name, kind, mimeType] of [
      ["photo_2026-02-04.jpg", "image", "image/jpeg"],
      ["voice_12.ogg", "voice", "audio/ogg"],
      ["sticker.tgs", "sticker", "application/x-tgsticker"],
      ["Счёт №12.pdf", "file", "application/pdf"],
      ["README", "file", null],
    ] as const) {
      expect(attachmentFromFileName(name)).toMatchObject({ kind, fileName: name, mimeType, url: null });
    }
  });

  it("a message carrying such an attachment maps like any other, so the sync cycle goes on", () => {
    const message = ZMessageStructDto.parse({
      Id: 7,
      Message: "see the picture",
      Created: "2026-02-04T02:09:21.5",
      MessageType: 1,
      Attachments: ["https://files.example.com/x%E0.jpg", "https://files.example.com/ok%20name.png"],
    });
    const [mapped] = mapMessages("1", [message]);
    expect(mapped?.attachments.map((attachment) => attachment.fileName)).toEqual(["x%E0.jpg", "ok name.png"]);
  });
});
