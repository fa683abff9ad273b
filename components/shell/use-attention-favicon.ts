"use client";

import { useEffect } from "react";
import type { ViewCounts } from "@/lib/chats/view-counts";
import { useViewCounts } from "@/lib/queries/views";

/** Something needs this agent: a customer waits on a chat assigned to them, or a teammate mentioned them. */
export function needsMe(counts: ViewCounts | undefined): boolean {
  if (!counts) return false;
  if (counts.mentions > 0) return true;
  return Object.values(counts.byConnection).some((connection) => connection.needsReply.mine > 0);
}

const SIZE = 64;

/** The favicon with a red dot in its corner, drawn from the page's own icon. */
async function dottedIcon(href: string): Promise<string> {
  const image = new Image();
  image.src = href;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext("2d");
  if (!context) return href;
  context.drawImage(image, 0, 0, SIZE, SIZE);
  context.beginPath();
  context.arc(SIZE * 0.78, SIZE * 0.22, SIZE * 0.2, 0, 2 * Math.PI);
  context.fillStyle = "#dc2626";
  context.fill();
  context.lineWidth = SIZE * 0.05;
  context.strokeStyle = "#ffffff";
  context.stroke();
  return canvas.toDataURL("image/png");
}

/** The page's icon links: Next may render more than one (head and streamed metadata), and replace them. */
const iconLinks = () => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];

function showIcon(state: boolean, dotted: string | null) {
  for (const link of iconLinks()) {
    link.dataset.plainHref ??= link.href;
    link.href = state && dotted ? dotted : link.dataset.plainHref;
    link.dataset.attention = String(state && dotted !== null);
  }
}

/** Puts the dot on the tab's icon while something needs the agent, and takes it off after. */
export function useAttentionFavicon() {
  const attention = needsMe(useViewCounts().data);
  useEffect(() => {
    let dotted: string | null = null;
    let cancelled = false;
    const apply = () => showIcon(attention, dotted);
    // Icon links put in later (Next's metadata as it streams) get the same state.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true });
    apply();
    const plain = iconLinks()[0];
    if (attention && plain) {
      dottedIcon(plain.dataset.plainHref ?? plain.href)
        .then((made) => {
          if (cancelled) return;
          dotted = made;
          apply();
        })
        .catch(() => {});
    }
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [attention]);
}
