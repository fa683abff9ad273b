import Link from "next/link";
import { serverTranslator } from "@/lib/i18n/server";

/** What an agent sees on an admin page (HTTP 403): no error, a way back. */
export default async function Forbidden() {
  const t = await serverTranslator("admin");
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <div className="max-w-md space-y-3 text-center">
        <p className="font-mono text-slate-500 text-sm">403</p>
        <h1 className="font-semibold text-2xl">{t("forbiddenTitle")}</h1>
        <p className="text-slate-600 dark:text-slate-300">{t("forbiddenText")}</p>
        <Link
          href="/"
          className="inline-block rounded-md bg-blue-700 px-3 py-2 font-medium text-sm text-white hover:bg-blue-800"
        >
          {t("backToInbox")}
        </Link>
      </div>
    </main>
  );
}
