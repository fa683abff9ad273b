import { expect, type Page } from "@playwright/test";

export const credentials = () => ({
  email: process.env.E2E_EMAIL ?? "demo@inbox.local",
  password: process.env.E2E_PASSWORD ?? "",
});

/** Fills in and sends the login form, as a person would. */
export async function submitSignIn(page: Page, next = "/") {
  const { email, password } = credentials();
  await page.goto(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the (English) shell. */
export async function signIn(page: Page, next = "/") {
  await submitSignIn(page, next);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
