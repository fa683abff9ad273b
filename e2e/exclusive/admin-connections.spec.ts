import { randomInt } from "node:crypto";
import type { AdminConnection } from "@/lib/admin/connections/connections.types";
import { expect, test } from "../support/test";

/**
 * An admin adds a connection in the browser, and its chats appear without a restart. It runs
 * alone (a second SmartSender connection doubles that provider's chats while it exists).
 */
test("an admin adds a SmartSender connection: a wrong token is refused, the right one brings its chats in", async ({
  page,
}) => {
  const name = `Second shop ${randomInt(1e6)}`;
  await page.goto("/admin/connections");
  await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
  const listed = (await (await page.request.get("/api/admin/connections")).json()) as AdminConnection[];
  const sandbox = listed.find((connection) => connection.kind === "smartsender");
  expect(sandbox?.source).toBe("sandbox");
  await expect(page.getByText("Read-only: the sandbox providers of demo mode.").first()).toBeVisible();

  await page.getByRole("button", { name: "Add a connection" }).click();
  const form = page.getByRole("form", { name: "Add a connection" });
  await form.getByLabel("Provider").selectOption("smartsender");
  await form.getByLabel("Display name").fill(name);
  await form.getByLabel("API address").fill(sandbox?.baseUrl ?? "");
  await form.getByLabel("Project token").fill("not-the-right-token");
  await form.getByRole("button", { name: "Test" }).click();
  await expect(form.getByRole("alert")).toHaveText("The provider refused the credentials. Check the token.");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByRole("button", { name: "Save anyway" })).toBeVisible();
  expect(((await (await page.request.get("/api/admin/connections")).json()) as AdminConnection[]).length).toBe(
    listed.length,
  );

  await form.getByLabel("Project token").fill("sandbox-smartsender-token");
  await form.getByRole("button", { name: "Test" }).click();
  await expect(form.getByRole("status")).toHaveText("Connection works.");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  const card = page.getByTestId(`connection-${name}`);
  await expect(card).toBeVisible();
  // The sync of the running server picks it up: chats arrive, the health turns OK.
  await expect(card.getByTestId("connection-health")).toHaveText("OK", { timeout: 30_000 });
  await expect
    .poll(async () => Number(await card.getByTestId("connection-chats").textContent()), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const html = await page.content();
  expect(html).not.toContain("sandbox-smartsender-token");

  // Deleting it with its chats leaves the inbox as it was.
  page.on("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Delete with its cached chats" }).click();
  await expect(card).toHaveCount(0);
});
