/**
 * Files the sandbox providers link to, generated on request so the demo works offline:
 * pictures as SVG, sound as a short silent WAV, documents as small PDFs or text.
 */

export type SandboxMedia = { contentType: string; body: Buffer };

const PALETTE = ["#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed", "#0891b2"];

function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function picture(name: string): SandboxMedia {
  const hash = hashOf(name);
  const from = PALETTE[hash % PALETTE.length];
  const to = PALETTE[(hash >>> 8) % PALETTE.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="640" height="480" fill="url(#g)"/>
<circle cx="${160 + (hash % 320)}" cy="180" r="70" fill="#fff" fill-opacity="0.35"/>
<text x="320" y="420" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">${escapeXml(name)}</text>
</svg>`;
  return { contentType: "image/svg+xml", body: Buffer.from(svg) };
}

function silentWav(seconds = 1): SandboxMedia {
  const sampleRate = 8000;
  const samples = sampleRate * seconds;
  const buffer = Buffer.alloc(44 + samples);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples, 40);
  buffer.fill(128, 44); // 8-bit silence
  return { contentType: "audio/wav", body: buffer };
}

function pdf(title: string): SandboxMedia {
  const text = escapeXml(title).replace(/[()\\]/g, "");
  const body = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length ${40 + text.length}>>stream
BT /F1 18 Tf 20 70 Td (${text}) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF`;
  return { contentType: "application/pdf", body: Buffer.from(body) };
}

/** The file behind `/__media/<name>`, chosen by the name's extension; null for an unsafe name. */
export function sandboxMedia(name: string): SandboxMedia | null {
  if (!/^[\w.-]{1,120}$/.test(name)) return null;
  const extension = name.split(".").pop()?.toLowerCase() ?? "";
  if (["png", "jpg", "jpeg", "gif", "webp", "svg"].includes(extension)) return picture(name);
  if (["wav", "ogg", "oga", "mp3", "m4a", "opus", "mp4", "webm", "mov"].includes(extension)) return silentWav();
  if (extension === "pdf") return pdf(name);
  return { contentType: "text/plain; charset=utf-8", body: Buffer.from(`Sandbox file ${name}\n`) };
}

/** An absolute URL of a sandbox file served by the fake at `baseUrl`. */
export function mediaUrl(baseUrl: string, name: string): string {
  return `${baseUrl.replace(/\/$/, "")}/__media/${encodeURIComponent(name)}`;
}
