"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";

/** Signs out and goes to the login page; `pending` while the server forgets the session. */
export function useSignOut() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    await authClient.signOut();
    router.replace("/login");
    router.refresh();
  };
  return { signOut, pending };
}
