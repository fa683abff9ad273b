/*
 * Provider-hosted files reach the browser only through the inbox (app/api/media): the agent's
 * browser never contacts a provider's or a customer's host, so no tracking pixel learns when a
 * chat was read and no URL can make the browser reach into the agent's network.
 */

/** The inbox address of a message attachment's file. */
export const attachmentMediaPath = (attachmentId: number) => `/api/media/attachments/${attachmentId}`;

/** A short fingerprint of the picture's address, so a changed avatar is not served from the browser cache. */
function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return (hash >>> 0).toString(36);
}

/** The inbox address of a chat's picture. */
export const chatAvatarPath = (chatId: number, avatarUrl: string) =>
  `/api/media/chats/${chatId}/avatar?v=${fingerprint(avatarUrl)}`;
