/**
 * Generated message content of every type providers.md §1 lists, in SmartSender's wire format,
 * with media served by the sandbox itself.
 */
import * as corpus from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";
import { type ContentType, textContent, type WireContent, wireDate } from "@/sandbox/smartsender/wire";

const MINUTE = 60_000;

const PLACES: Record<corpus.Locale, { latitude: number; longitude: number }> = {
  uk: { latitude: 50.4501, longitude: 30.5234 },
  ru: { latitude: 55.7558, longitude: 37.6173 },
  en: { latitude: 51.5072, longitude: -0.1276 },
};

const ACTIONS = ["Статус замовлення", "Связаться с оператором", "Track my order", "Повернення коштів"];

export function contentOf(
  type: ContentType,
  source: { rng: corpus.Rng; baseUrl: string },
  context: { messageId: number; createdAt: number; locale: corpus.Locale; inbound: boolean },
): WireContent {
  const { rng, baseUrl } = source;
  const { messageId, createdAt, locale, inbound } = context;
  const line = () => (inbound ? corpus.customerLine(rng, locale) : corpus.agentLine(rng, locale));
  const media = (name: string, extra: Record<string, unknown> = {}): WireContent => ({
    type,
    resource: { parameters: { url: mediaUrl(baseUrl, name), ...extra } },
  });
  switch (type) {
    case "text":
    case "input":
      return textContent(type, line());
    case "action":
      return textContent("action", corpus.pick(rng, ACTIONS));
    case "picture":
      return media(`photo-${messageId}.jpg`, rng() < 0.5 ? { caption: line() } : {});
    case "telegramCaptionedPicture":
      return media(`receipt-${messageId}.png`, { caption: line() });
    case "animation":
      return media(`animation-${messageId}.gif`);
    case "file":
      return media(`${messageId}-${corpus.pick(rng, corpus.FILE_NAMES)}`);
    case "link":
      return { type, resource: { parameters: { url: `https://example.com/orders/${messageId}` } } };
    case "video":
      return media(`video-${messageId}.mp4`);
    case "audio":
      return media(`audio-${messageId}.mp3`);
    case "voice":
      return media(`voice-${messageId}.ogg`);
    case "telegramVideoNote":
      return media(`note-${messageId}.mp4`);
    case "mediaGroup":
      return {
        type,
        resource: {
          parameters: {
            media: [
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-1.jpg`), caption: line() } } },
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-2.jpg`) } } },
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-3.mp4`) } } },
            ],
          },
        },
      };
    case "contact":
      return {
        type,
        resource: {
          parameters: { name: corpus.personName(rng, locale), phoneNumber: corpus.phoneNumber(rng, locale) },
        },
      };
    case "location": {
      const place = PLACES[locale];
      const jitter = () => Math.round((rng() - 0.5) * 2000) / 10_000;
      return {
        type,
        resource: { parameters: { latitude: place.latitude + jitter(), longitude: place.longitude + jitter() } },
      };
    }
    case "transient":
      return {
        type,
        resource: {
          parameters: {
            original: textContent("text", line()),
            context: { timestamp: wireDate(createdAt + corpus.intBetween(rng, 1, 30) * MINUTE) },
          },
        },
      };
  }
}
