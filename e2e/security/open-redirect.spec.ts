import { expect, test } from "@playwright/test";
import { credentials } from "../support/auth";

// Finding 3: `next` after sign-in is decided by parsing it against the app's origin.
for (const next of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
  test(`signing in from /login?next=${next} stays on the inbox`, async ({ page, baseURL }) => {
    const leftTheApp: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname === "evil.example") leftTheApp.push(request.url());
    });
    await page.goto(`/login?next=${next}`);
    const { email, password } = credentials();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    expect(leftTheApp).toEqual([]);
  });
}
