/** What a saved reply's `{{…}}` variables are filled with when it is inserted. */
export type ReplyContext = { customerName: string | null; agentName: string; chatTitle: string };

export const REPLY_VARIABLES = ["customer.name", "agent.name", "chat.title"] as const;

/**
 * Fills `{{customer.name}}`, `{{agent.name}}` and `{{chat.title}}` (spaces inside the braces
 * allowed). An unknown variable stays as written, so a typo shows instead of vanishing; a customer
 * without a name becomes the chat's title.
 */
export function fillVariables(text: string, context: ReplyContext): string {
  const values: Record<(typeof REPLY_VARIABLES)[number], string> = {
    "customer.name": context.customerName ?? context.chatTitle,
    "agent.name": context.agentName,
    "chat.title": context.chatTitle,
  };
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (written, name: string) =>
    name in values ? values[name as keyof typeof values] : written,
  );
}
