"use client";

import { type RefObject, useEffect } from "react";

/**
 * Keeps an element as tall as the part of the page the agent can see. Chrome on Android shrinks
 * the page for the on-screen keyboard (interactive-widget=resizes-content in app/layout.tsx), and
 * `100dvh` follows; Safari on iOS keeps the page tall and only shrinks the visual viewport, which
 * would leave the composer under the keyboard. Zooming in shrinks the visual viewport too, but
 * then the page must keep its size, so only an unzoomed viewport counts.
 */
export function useVisualViewportHeight(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const viewport = window.visualViewport;
    const element = ref.current;
    if (!viewport || !element) return;
    const update = () => {
      const covered = viewport.scale === 1 && window.innerHeight - viewport.height > 1;
      element.style.height = covered ? `${viewport.height}px` : "";
    };
    update();
    viewport.addEventListener("resize", update);
    return () => viewport.removeEventListener("resize", update);
  }, [ref]);
}
