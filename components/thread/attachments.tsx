"use client";

import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { ImageAttachment } from "@/components/thread/image-attachment";
import { safeHttpUrl } from "@/components/thread/safe-url";
import { useFileSize } from "@/components/ui/use-file-size";
import type { AttachmentView } from "@/lib/messages/list-messages";
import { attachmentMediaPath } from "@/lib/queries/media";

const linkClass = "underline decoration-1 underline-offset-2 hover:decoration-2";
const card = "flex items-center gap-2 rounded-md border border-current/20 px-2.5 py-1.5 text-sm";

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 opacity-80">
      <path d={path} />
    </svg>
  );
}

const ICONS = {
  file: "M5 2h6l4 4v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1m5 1.5V7h3.5z",
  pin: "M10 2a6 6 0 0 1 6 6c0 4.2-6 10-6 10S4 12.2 4 8a6 6 0 0 1 6-6m0 3.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5",
  person: "M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8m-7 8c0-3.9 3.1-6 7-6s7 2.1 7 6z",
  link: "M8.6 11.4a1 1 0 0 1 0-1.4l3-3a1 1 0 1 1 1.4 1.4l-3 3a1 1 0 0 1-1.4 0M6 9.5 4.8 10.7a2.8 2.8 0 0 0 4 4L10 13.5a1 1 0 1 1 1.4 1.4l-1.2 1.2a4.8 4.8 0 0 1-6.8-6.8L4.6 8.1A1 1 0 0 1 6 9.5m8-3 1.2-1.2a2.8 2.8 0 0 0-4-4L10 2.5A1 1 0 1 1 8.6 1.1l1.2-1.2",
};

/**
 * A link for a checked http(s) URL (a file goes through the inbox: `href` is its inbox address);
 * anything else is shown as text, never followed.
 */
function SafeLink({ url, href: inboxHref, children }: { url: string | null; href?: string; children: ReactNode }) {
  const t = useTranslations("thread");
  const href = safeHttpUrl(url) ? (inboxHref ?? safeHttpUrl(url)) : null;
  if (href) {
    return (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className={`${linkClass} min-w-0 break-all touch:-my-1.5 touch:inline-block touch:py-3`}
      >
        {children}
      </a>
    );
  }
  return (
    <span className="min-w-0 break-all">
      {children}
      {url && (
        <span className="block text-xs opacity-80">
          {t("unsafeLink")} <code>{url}</code>
        </span>
      )}
    </span>
  );
}

function Attachment({ attachment }: { attachment: AttachmentView }) {
  const t = useTranslations("thread");
  const fileSize = useFileSize();
  // Files come through the inbox (app/api/media), never straight from the provider's host.
  const url = safeHttpUrl(attachment.url) ? attachmentMediaPath(attachment.id) : null;
  const name = attachment.title ?? attachment.fileName ?? t(`attachmentKind.${kindOf(attachment)}`);
  const { kind, mimeType } = attachment;

  if ((kind === "image" || (kind === "animation" && !mimeType?.startsWith("video/"))) && url) {
    return <ImageAttachment url={url} name={name} width={attachment.width} height={attachment.height} />;
  }
  // A file given by name only (the bridge) is shown by that name below, however its name reads.
  const nameOnly = attachment.url === null && attachment.fileName !== null;
  if (kind === "sticker" && !nameOnly) {
    return url ? (
      // biome-ignore lint/performance/noImgElement: provider-hosted sticker
      <img
        src={url}
        alt={t("sticker", { name })}
        loading="lazy"
        referrerPolicy="no-referrer"
        className="size-32 object-contain"
      />
    ) : (
      <span className="text-4xl" title={t("sticker", { name })}>
        {attachment.title ?? "🏷️"}
      </span>
    );
  }
  if ((kind === "video" || kind === "animation") && url) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: providers send no captions for customers' videos
      <video
        controls
        preload="metadata"
        src={url}
        aria-label={name}
        loop={kind === "animation"}
        className="max-h-72 w-72 max-w-full rounded-md bg-black"
      />
    );
  }
  if ((kind === "audio" || kind === "voice") && url) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: voice messages and audio files come without captions
      <audio controls preload="none" src={url} aria-label={name} className="w-72 max-w-full" />
    );
  }
  if (kind === "location" && attachment.latitude !== null && attachment.longitude !== null) {
    const { latitude, longitude } = attachment;
    const map = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
    return (
      <div className={card}>
        <Icon path={ICONS.pin} />
        <SafeLink url={map}>
          {attachment.title ?? t("location")} ({latitude.toFixed(5)}, {longitude.toFixed(5)})
        </SafeLink>
      </div>
    );
  }
  if (kind === "contact") {
    return (
      <div className={card}>
        <Icon path={ICONS.person} />
        <span>
          <span className="block font-medium">{attachment.contactName ?? t("contact")}</span>
          {attachment.contactPhone && <span className="block tabular-nums">{attachment.contactPhone}</span>}
        </span>
      </div>
    );
  }
  // Some providers (the bridge) send a file's name only: shown as a named file, plainly marked, not a broken link.
  return (
    <div className={card}>
      <Icon path={kind === "share" ? ICONS.link : ICONS.file} />
      <SafeLink url={attachment.url} href={kind === "share" ? undefined : (url ?? undefined)}>
        {name}
        {attachment.size !== null && <span className="ml-1 opacity-80">· {fileSize(attachment.size)}</span>}
        {nameOnly && <span className="block text-xs opacity-80">{t("fileNameOnly")}</span>}
      </SafeLink>
    </div>
  );
}

const KINDS = [
  "image",
  "video",
  "audio",
  "voice",
  "file",
  "sticker",
  "animation",
  "location",
  "contact",
  "share",
] as const;
type Kind = (typeof KINDS)[number] | "other";
function kindOf(attachment: AttachmentView): Kind {
  return KINDS.find((kind) => kind === attachment.kind) ?? "other";
}

/** Everything a message carries: pictures, files, players, stickers, places and contacts. */
export function Attachments({ attachments }: { attachments: AttachmentView[] }) {
  if (attachments.length === 0) return null;
  return (
    <div className="mt-1 flex flex-col gap-1.5">
      {attachments.map((attachment) => (
        <Attachment key={attachment.id} attachment={attachment} />
      ))}
    </div>
  );
}
