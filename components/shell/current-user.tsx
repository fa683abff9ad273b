"use client";

import { createContext, type ReactNode, useContext } from "react";

export type CurrentUser = { id: string; name: string; email: string; role: "admin" | "agent" };

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

/** The signed-in staff member (the inbox layout only renders for one). */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser needs the inbox shell");
  return user;
}
