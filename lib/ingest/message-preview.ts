const PREVIEW_LENGTH = 160;

/** The one-line preview the chat list shows for a message: its text, else what it carries. */
export function messagePreview(text: string | null, attachmentKinds: string[] = []): string | null {
  const clean = text?.replace(/\s+/g, " ").trim();
  if (clean) return clean.length > PREVIEW_LENGTH ? `${clean.slice(0, PREVIEW_LENGTH - 1)}…` : clean;
  const [first] = attachmentKinds;
  return first ? `[${first}]` : null;
}
