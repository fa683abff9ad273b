"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { CollidingReply } from "@/lib/messages/collision";
import { isApiError } from "@/lib/queries/api";
import { newestCachedMessageId } from "@/lib/queries/messages";

/** The server's 409 when a teammate replied while this agent typed (lib/messages/send-message.ts). */
export function collidingReplies(error: unknown): CollidingReply[] | null {
  if (!isApiError(error, 409)) return null;
  const details = error.details as { reason?: string; messages?: CollidingReply[] } | undefined;
  return details?.reason === "collision" ? (details.messages ?? []) : null;
}

/**
 * Where the thread stood when the agent started this reply, and the teammates' replies the server
 * found after it: the composer shows them and the next Send goes out anyway.
 */
export function useCollisionGuard(chatId: number, text: string) {
  const queryClient = useQueryClient();
  const startedAt = useRef<number | null>(null);
  const [colliding, setColliding] = useState<CollidingReply[] | null>(null);
  useEffect(() => {
    if (text.trim() === "") {
      startedAt.current = null;
      setColliding(null);
    } else if (startedAt.current === null) {
      startedAt.current = newestCachedMessageId(queryClient, chatId);
    }
  }, [text, chatId, queryClient]);
  return {
    colliding,
    /** What a send carries: where typing began, and whether the warning was seen. */
    check: () => ({ seenMessageId: startedAt.current, confirmCollision: colliding !== null }),
    /** After a refused send: true when it was a collision (now shown). */
    caught: (error: unknown) => {
      const replies = collidingReplies(error);
      if (replies) setColliding(replies);
      return replies !== null;
    },
  };
}
