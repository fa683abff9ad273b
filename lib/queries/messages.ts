import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { pendingExternalId } from "@/lib/ingest/pending-id";
import type { MessageView } from "@/lib/messages/list-messages";
import type { ThreadPage } from "@/lib/messages/read-thread";
import type { SendMessageRequest } from "@/lib/messages/send-message.types";
import type { AddNoteRequest } from "@/lib/notes/add-note.types";
import type { UploadedFile } from "@/lib/outgoing-files/upload.types";
import { normalizedAttachment } from "@/lib/providers/attachment";
import { ApiError, apiPost } from "@/lib/queries/api";
import { chatKeys, countKeys } from "@/lib/queries/keys";
import { refreshChatLists, refreshThread } from "@/lib/queries/refresh";
import { fetchThreadPage, isUnconfirmed, type ThreadData } from "@/lib/queries/thread-data";

/** A chat's messages, newest page first; each next page is older (scrolling up). */
export function useThread(chatId: number) {
  return useInfiniteQuery({
    queryKey: chatKeys.messages(chatId),
    queryFn: ({ pageParam, signal }) => fetchThreadPage(chatId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ThreadPage) => last.nextCursor,
  });
}

/** Changes the cached messages of a chat (all pages). */
export function updateCachedMessages(
  queryClient: QueryClient,
  chatId: number,
  update: (message: MessageView) => MessageView | null,
) {
  queryClient.setQueryData<ThreadData>(chatKeys.messages(chatId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.flatMap((message) => update(message) ?? []),
          })),
        }
      : data,
  );
}

/** Temporary ids of sends in flight: negative, so they never clash with the server's. */
let lastTemporaryId = 0;

export type SendInput = {
  text: string;
  replyTo: MessageView | null;
  clientId: string;
  /** The newest message id the thread held when the agent started typing (the collision check). */
  seenMessageId?: number | null;
  /** Sent after the collision warning: the agent sends anyway. */
  confirmCollision?: boolean;
  /** Files uploaded for this reply; shown in the thread at once. */
  files?: UploadedFile[];
};

/** Refreshes what a send or retry changed: the thread's newest page, the lists and the totals. */
function afterSend(queryClient: QueryClient, chatId: number) {
  void refreshThread(queryClient, chatId, []);
  void refreshChatLists(queryClient, [chatId]);
  void queryClient.invalidateQueries({ queryKey: countKeys.all });
}

/** The newest message of the thread as cached (0 when empty): where the agent was when they started typing. */
export function newestCachedMessageId(queryClient: QueryClient, chatId: number): number {
  const newest = queryClient.getQueryData<ThreadData>(chatKeys.messages(chatId))?.pages[0]?.items ?? [];
  return newest.reduce((max, message) => Math.max(max, message.id), 0);
}

/** A private note of the team, with the teammates it mentions; the thread shows it after the server has it. */
export function useAddNote(chatId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddNoteRequest) => apiPost<{ messageId: number }>(`/api/chats/${chatId}/notes`, request),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 3,
    onSettled: () => afterSend(queryClient, chatId),
  });
}

/**
 * Sends a message: it shows at once as "pending" (optimistic) and is replaced by the server's
 * row. The clientId makes a repeated request harmless, so network failures are retried.
 */
export function useSendMessage(chatId: number, author: { id: string; name: string }) {
  const queryClient = useQueryClient();
  const key = chatKeys.messages(chatId);
  return useMutation({
    mutationFn: ({ text, replyTo, clientId, seenMessageId, confirmCollision, files }: SendInput) =>
      apiPost<{ messageId: number }>(`/api/chats/${chatId}/messages`, {
        text,
        fileIds: files?.map((file) => file.id),
        replyToMessageId: replyTo?.id ?? null,
        clientId,
        seenMessageId,
        confirmCollision,
      } satisfies SendMessageRequest),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 3,
    onMutate: async ({ text, replyTo, clientId, files }) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const optimistic: MessageView = {
        id: --lastTemporaryId,
        externalId: pendingExternalId(clientId),
        direction: "outbound",
        systemEvent: null,
        authorName: author.name,
        text: text.trim(),
        createdAt: new Date().toISOString(),
        editedAt: null,
        deletedAt: null,
        replyTo: replyTo
          ? { id: replyTo.id, externalId: replyTo.externalId, authorName: replyTo.authorName, text: replyTo.text }
          : null,
        deliveryState: "pending",
        deliveryError: null,
        clientId,
        sentById: author.id,
        reactions: [],
        attachments: (files ?? []).map((file, index) => ({
          ...normalizedAttachment(file.kind, null),
          id: -1 - index,
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: file.size,
        })),
      };
      queryClient.setQueryData<ThreadData>(key, (data) => {
        const [newest, ...older] = data?.pages ?? [];
        return data && newest
          ? { ...data, pages: [{ ...newest, items: [...newest.items, optimistic] }, ...older] }
          : data;
      });
    },
    onSuccess: ({ messageId }, { clientId }) =>
      updateCachedMessages(queryClient, chatId, (message) =>
        message.clientId === clientId && isUnconfirmed(message) ? { ...message, id: messageId } : message,
      ),
    onError: (_error, { clientId }) =>
      updateCachedMessages(queryClient, chatId, (message) =>
        message.clientId === clientId && isUnconfirmed(message) ? null : message,
      ),
    onSettled: () => afterSend(queryClient, chatId),
  });
}

/** Queues a failed send again; it shows as pending at once. */
export function useRetryMessage(chatId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => apiPost<{ messageId: number }>(`/api/messages/${messageId}/retry`),
    onMutate: async (messageId) => {
      await queryClient.cancelQueries({ queryKey: chatKeys.messages(chatId), exact: true });
      const previous = queryClient.getQueryData<ThreadData>(chatKeys.messages(chatId));
      updateCachedMessages(queryClient, chatId, (message) =>
        message.id === messageId ? { ...message, deliveryState: "pending", deliveryError: null } : message,
      );
      return { previous };
    },
    onError: (_error, _messageId, context) => {
      if (context?.previous) queryClient.setQueryData(chatKeys.messages(chatId), context.previous);
    },
    onSettled: () => afterSend(queryClient, chatId),
  });
}
