import { serverTranslator } from "@/lib/i18n/server";

export default async function InboxHome() {
  const t = await serverTranslator("shell");
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-8 text-center text-slate-500 dark:text-slate-400">
      <h2 className="font-semibold text-lg text-slate-700 dark:text-slate-200">{t("selectChat")}</h2>
      <p className="max-w-sm text-sm">{t("selectChatHint")}</p>
    </div>
  );
}
