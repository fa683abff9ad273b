/** Only same-site paths may follow a sign-in; anything else (//evil.example, https://…) goes home. */
export function safeNextPath(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
