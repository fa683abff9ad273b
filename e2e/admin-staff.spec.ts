import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";

/**
 * A team grows in the browser: the admin invites an agent, who sets a password in their own
 * browser and works in the inbox but not in the admin pages; deactivation throws them out.
 */
test("an admin invites an agent, who signs up by the link, works, is kept out of /admin and is signed out by deactivation", async ({
  page,
  browser,
}) => {
  const email = `agent${randomInt(1e9)}@team.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Staff" })).toBeVisible();

  await page.getByLabel("Name").fill("Agnes Agent");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByTestId("staff-link").inputValue();
  expect(link).toMatch(/\/set-password\/[\w-]+$/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  const row = page.getByTestId(`staff-${email}`);
  await expect(row.getByTestId("staff-status")).toHaveText("Invited");

  // The agent, in a browser of their own (no session).
  const agentContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const agent = await agentContext.newPage();
  await agent.goto(new URL(link).pathname);
  await expect(agent.getByRole("heading", { name: "Set your password" })).toBeVisible();
  const password = agent.getByLabel("New password");
  await password.fill("short");
  await expect(agent.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(agent.getByRole("button", { name: "Set password and sign in" })).toBeDisabled();
  await password.fill("password1234");
  await expect(agent.getByText("This password is too common. Choose another.")).toBeVisible();
  await password.fill("a calm river at dawn");
  await expect(agent.getByText(/^Strength: /)).toBeVisible();
  await agent.getByRole("button", { name: "Set password and sign in" }).click();

  // Signed in: the chats, and no admin entry in the navigation.
  await expect(agent.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(agent.getByRole("navigation").or(agent.locator("aside")).first()).toBeVisible();
  await expect(agent.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(agent.locator("aside").getByRole("link").first()).toBeVisible({ timeout: 20_000 });

  // The admin pages answer an agent with a friendly 403.
  const forbidden = await agent.goto("/admin/staff");
  expect(forbidden?.status()).toBe(403);
  await expect(agent.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await agent.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(agent.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The link works once.
  const reused = await agentContext.newPage();
  await reused.goto(new URL(link).pathname);
  await expect(reused.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await reused.close();

  // Deactivation sends the agent's open tab to the sign-in page within 5 s.
  await page.reload();
  await expect(row.getByTestId("staff-status")).toHaveText("Active");
  page.once("dialog", (dialog) => void dialog.accept());
  const deactivatedAt = Date.now();
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByTestId("staff-status")).toHaveText("Deactivated");
  await agent.waitForURL(/\/login/, { timeout: 5_000 });
  expect(Date.now() - deactivatedAt).toBeLessThan(5_000);
  await agentContext.close();
});
