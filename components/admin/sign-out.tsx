"use client";

import { useSignOut } from "@/components/shell/use-sign-out";
import { Button } from "@/components/ui/button";

/** "Sign out" in the admin and profile pages' header. */
export function SignOut({ label }: { label: string }) {
  const { signOut, pending } = useSignOut();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => void signOut()}>
      {label}
    </Button>
  );
}
