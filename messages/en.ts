/** English UI texts; messages/ru.ts must have the same keys (its type is checked against this one). */
export const en = {
  common: {
    appName: "Support Inbox",
    retry: "Retry",
    cancel: "Cancel",
    close: "Close",
    loading: "Loading…",
    somethingWentWrong: "Something went wrong.",
    language: "Language",
  },
  login: {
    title: "Sign in to the inbox",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalid: "Wrong email or password.",
    tooMany: "Too many failed attempts. Wait 15 minutes and try again.",
    failed: "Signing in failed. Check your connection and try again.",
    demoTitle: "Demo mode",
    demoHint: "No provider is configured, so the inbox runs with sandbox providers. Sign in with:",
  },
  shell: {
    signOut: "Sign out",
    signedInAs: "Signed in as {name}",
    roleAdmin: "Admin",
    roleAgent: "Agent",
    chatsHeading: "Chats",
    noChats: "No chats yet",
    noChatsHint: "Chats appear here as soon as a provider delivers them.",
    selectChat: "Select a chat",
    selectChatHint: "Pick a conversation on the left to read and answer it.",
    toggleSidebar: "Show chats",
  },
};

export type Messages = typeof en;
