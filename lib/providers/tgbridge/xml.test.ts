/** DataContract XML reading (docs/providers/seeds/000_62f7899ae3925019.txt shows the layout). */
import { describe, expect, it } from "vitest";
import { parseDataContractXml, XmlSyntaxError } from "@/lib/providers/tgbridge/xml";

const NS =
  'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Data.Repositories.Telegram"';
const ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

describe("parseDataContractXml", () => {
  it("turns nil into null, collections into arrays (one item too) and keeps text exactly", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<ChatData ${NS}>
<chatInfo i:nil="true" />
<copilotMessages xmlns:d2p1="${ARRAYS}">
<d2p1:string>  Вітаю! &amp; &lt;3 &#128077;</d2p1:string>
</copilotMessages>
<messages>
<MessageStructDto>
<Attachments xmlns:d4p1="${ARRAYS}" />
<Id>7</Id>
<Message></Message>
<Reactions />
<Reply>
<Id>1</Id>
</Reply>
</MessageStructDto>
</messages>
</ChatData>`;
    expect(parseDataContractXml(xml)).toEqual({
      chatInfo: null,
      copilotMessages: ["  Вітаю! & <3 👍"],
      messages: [{ Attachments: [], Id: "7", Message: "", Reactions: [], Reply: { Id: "1" } }],
    });
  });

  it("reads an ArrayOf… root as a list and a nil root as null", () => {
    expect(parseDataContractXml(`<ArrayOfChatDto ${NS}><ChatDto><Id>1</Id></ChatDto></ArrayOfChatDto>`)).toEqual([
      { Id: "1" },
    ]);
    expect(parseDataContractXml(`<ArrayOfChatDto ${NS} />`)).toEqual([]);
    expect(parseDataContractXml(`<ActiveChat i:nil="true" ${NS} />`)).toBeNull();
  });

  it("refuses XML that does not parse", () => {
    expect(() => parseDataContractXml("<ActiveChat><Id>1</Id>")).toThrow(XmlSyntaxError);
    expect(() => parseDataContractXml("just text")).toThrow(XmlSyntaxError);
  });
});
