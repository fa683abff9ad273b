import { expect, type Page } from "@playwright/test";

export const credentials = () => ({
  email: process.env.E2E_EMAIL ?? "demo@inbox.local",
  password: process.env.E2E_PASSWORD ?? "",
});

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, next = "/") {
  const { email, password } = credentials();
  await page.goto(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
