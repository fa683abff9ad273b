"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useTranslations } from "use-intl";
import { LookupLinkDialog } from "@/components/inbox/lookup-link-dialog";
import { LookupPhoneDialog } from "@/components/inbox/lookup-phone-dialog";
import { SettingsDialog } from "@/components/shell/settings-dialog";
import { ShortcutsDialog } from "@/components/shell/shortcuts-dialog";
import { useSignOut } from "@/components/shell/use-sign-out";
import { Button } from "@/components/ui/button";
import { Menu, type MenuAction, MoreIcon } from "@/components/ui/menu";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import { useConnections } from "@/lib/queries/connections";

type Open = "phone" | "link" | "shortcuts" | "settings" | null;

/**
 * Lookups (where a connected provider can do them), keyboard shortcuts, settings and signing out:
 * buttons on a wide screen, one menu on a phone (no shortcuts there: a phone has no keyboard for them). `children` (who is signed in) goes before "Sign out".
 */
export function HeaderActions({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  const reports = useTranslations("reports");
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const { signOut, pending } = useSignOut();
  const { data: connections } = useConnections();
  const can = (capability: "lookupByPhone" | "lookupByLink") =>
    connections?.some((connection) => connection.capabilities.includes(capability)) ?? false;
  useHotkeys({ "?": () => setOpen("shortcuts") });

  const lookups: MenuAction[] = [
    ...(can("lookupByPhone") ? [{ key: "phone", label: t("findByPhone"), onSelect: () => setOpen("phone") }] : []),
    ...(can("lookupByLink") ? [{ key: "link", label: t("openByLink"), onSelect: () => setOpen("link") }] : []),
  ];
  const reportsAction: MenuAction = {
    key: "reports",
    label: reports("title"),
    onSelect: () => router.push("/reports"),
  };
  const settings: MenuAction = { key: "settings", label: t("settings"), onSelect: () => setOpen("settings") };
  const signOutAction: MenuAction = {
    key: "sign-out",
    label: t("signOut"),
    disabled: pending,
    onSelect: () => void signOut(),
  };

  return (
    <div className="flex items-center gap-3 text-sm">
      <div className="hidden items-center gap-1.5 md:flex">
        {lookups.map((lookup) => (
          <Button key={lookup.key} variant="ghost" size="sm" onClick={lookup.onSelect}>
            {lookup.label}
          </Button>
        ))}
        <Link
          href="/reports"
          className="rounded-md px-2 py-1 font-medium text-slate-700 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {reportsAction.label}
        </Link>
        <Button variant="ghost" size="sm" aria-keyshortcuts="?" onClick={() => setOpen("shortcuts")}>
          <span aria-hidden="true" className="font-mono">
            ?
          </span>
          <span className="sr-only">{t("shortcuts")}</span>
        </Button>
        <Button variant="ghost" size="sm" onClick={settings.onSelect}>
          {settings.label}
        </Button>
      </div>
      {children}
      <Button variant="secondary" disabled={pending} onClick={signOutAction.onSelect} className="max-md:hidden">
        {signOutAction.label}
      </Button>
      <Menu
        className="md:hidden"
        label={t("menu")}
        icon={<MoreIcon />}
        actions={[...lookups, reportsAction, settings, signOutAction]}
      />
      <LookupPhoneDialog open={open === "phone"} onClose={close} />
      <LookupLinkDialog open={open === "link"} onClose={close} />
      <ShortcutsDialog open={open === "shortcuts"} onClose={close} />
      <SettingsDialog open={open === "settings"} onClose={close} />
    </div>
  );
}
