"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";

const THUMB_MAX = 240;

/** Keeps the thumbnail's box the picture's shape before it loads, so the thread does not jump. */
function thumbSize(width: number | null, height: number | null) {
  if (!width || !height) return { width: THUMB_MAX, height: 180 };
  const scale = Math.min(1, THUMB_MAX / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** A picture as a thumbnail that opens full size in a lightbox. `url` is its inbox address (app/api/media). */
export function ImageAttachment({
  url,
  name,
  width,
  height,
}: {
  url: string;
  name: string;
  width: number | null;
  height: number | null;
}) {
  const t = useTranslations("thread");
  const [open, setOpen] = useState(false);
  const size = thumbSize(width, height);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t("openImage", { name })}
        className="block overflow-hidden rounded-md focus-visible:outline-2 focus-visible:outline-blue-500"
        style={{ width: size.width, height: size.height, maxWidth: "100%" }}
      >
        {/* biome-ignore lint/performance/noImgElement: already served by the inbox's media route; next/image would re-encode it */}
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className="size-full bg-slate-200 object-cover dark:bg-slate-800"
        />
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={name} className="max-w-4xl">
        <figure className="space-y-2">
          {/* biome-ignore lint/performance/noImgElement: see above */}
          <img src={url} alt={name} referrerPolicy="no-referrer" className="mx-auto max-h-[70vh] w-auto" />
          <figcaption className="text-center text-sm">
            <a
              href={url}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="text-blue-700 underline dark:text-blue-300"
            >
              {t("openOriginal")}
            </a>
          </figcaption>
        </figure>
      </Dialog>
    </>
  );
}
