import { serverTranslator } from "@/lib/i18n/server";

export default async function InboxHome() {
  const t = await serverTranslator("shell");
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-8 text-center text-slate-600 dark:text-slate-400">
      <h1 className="font-semibold text-lg text-slate-800 dark:text-slate-200">{t("selectChat")}</h1>
      <p className="max-w-sm text-sm">{t("selectChatHint")}</p>
    </div>
  );
}
