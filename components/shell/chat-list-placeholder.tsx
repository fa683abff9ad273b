import { serverTranslator } from "@/lib/i18n/server";

export async function ChatListPlaceholder() {
  const t = await serverTranslator("shell");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-1 p-6 text-center">
      <p className="font-medium">{t("noChats")}</p>
      <p className="text-slate-500 text-sm dark:text-slate-400">{t("noChatsHint")}</p>
    </div>
  );
}
