"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { LookupLinkDialog } from "@/components/inbox/lookup-link-dialog";
import { LookupPhoneDialog } from "@/components/inbox/lookup-phone-dialog";
import { SettingsDialog } from "@/components/shell/settings-dialog";
import { ShortcutsDialog } from "@/components/shell/shortcuts-dialog";
import { Button } from "@/components/ui/button";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import { useConnections } from "@/lib/queries/connections";

type Open = "phone" | "link" | "shortcuts" | "settings" | null;

/** Lookups (where a connected provider can do them), keyboard shortcuts and settings. */
export function HeaderActions() {
  const t = useTranslations("shell");
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const { data: connections } = useConnections();
  const can = (capability: "lookupByPhone" | "lookupByLink") =>
    connections?.some((connection) => connection.capabilities.includes(capability)) ?? false;
  useHotkeys({ "?": () => setOpen("shortcuts") });

  return (
    <div className="flex items-center gap-1.5">
      {can("lookupByPhone") && (
        <Button variant="ghost" size="sm" onClick={() => setOpen("phone")}>
          {t("findByPhone")}
        </Button>
      )}
      {can("lookupByLink") && (
        <Button variant="ghost" size="sm" onClick={() => setOpen("link")}>
          {t("openByLink")}
        </Button>
      )}
      <Button variant="ghost" size="sm" aria-keyshortcuts="?" onClick={() => setOpen("shortcuts")}>
        <span aria-hidden="true" className="font-mono">
          ?
        </span>
        <span className="sr-only">{t("shortcuts")}</span>
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setOpen("settings")}>
        {t("settings")}
      </Button>
      <LookupPhoneDialog open={open === "phone"} onClose={close} />
      <LookupLinkDialog open={open === "link"} onClose={close} />
      <ShortcutsDialog open={open === "shortcuts"} onClose={close} />
      <SettingsDialog open={open === "settings"} onClose={close} />
    </div>
  );
}
