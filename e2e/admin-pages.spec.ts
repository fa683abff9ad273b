import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/test";

test("the admin and profile pages render for an admin without serious accessibility violations", async ({ page }) => {
  const pages = [
    { path: "/admin/staff", heading: "Staff" },
    { path: "/admin/connections", heading: "Connections" },
    { path: "/admin/audit", heading: "Audit log" },
    { path: "/profile", heading: "Your profile" },
  ];
  for (const { path, heading } of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The audit log shows this very admin's sign-in.
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  await page.getByLabel("Action").selectOption("auth.sign_in");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "auth.sign_in" }).first()).toBeVisible();
});

test("a one-time link that names nothing gets a plain page, not an error", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const response = await page.goto(`/set-password/${"x".repeat(43)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to sign-in" })).toBeVisible();
  await context.close();
});
