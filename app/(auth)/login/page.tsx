import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { appOrigin } from "@/lib/app-origin";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { getStaffSession } from "@/lib/auth/session";
import { serverTranslator } from "@/lib/i18n/server";
import { runtimeDemoLogin } from "@/lib/runtime";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next, appOrigin());
  if (await getStaffSession(await headers())) redirect(next);
  const t = await serverTranslator("login");
  const demo = runtimeDemoLogin();
  return (
    <main className="flex min-h-full items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-900">
      <div className="w-full max-w-sm space-y-6">
        <h1 className="text-center font-semibold text-2xl">{t("title")}</h1>
        <LoginForm next={next} defaultEmail={demo?.email} />
        {demo && (
          <section
            aria-labelledby="demo-title"
            className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 text-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            <h2 id="demo-title" className="font-semibold">
              {t("demoTitle")}
            </h2>
            <p className="mt-1">{t("demoHint")}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 font-mono">
              <dt>{t("email")}</dt>
              <dd data-testid="demo-email">{demo.email}</dd>
              <dt>{t("password")}</dt>
              <dd data-testid="demo-password">{demo.password}</dd>
            </dl>
          </section>
        )}
      </div>
    </main>
  );
}
