import type { StaffMember } from "@/lib/assignment/staff";
import { apiJson, chatList } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { expect, test } from "./support/test";

test.describe("chat list views", () => {
  test("a chat assigned to me moves into Mine live, shows my initials and waits for a reply", async ({ page }) => {
    const chat = await customerChat(page.request, "smartsender", "Views", "Когда доставка?");
    const staff = await apiJson<StaffMember[]>(page.request, "/api/staff");
    const me = staff.find((member) => member.email === (process.env.E2E_EMAIL ?? "demo@inbox.local"));
    if (!me) throw new Error("The demo agent is not in the staff list");

    await page.goto(`/?view=mine&q=${encodeURIComponent(chat.title)}`);
    const list = chatList(page);
    await expect(page.getByRole("button", { name: /^Mine/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("No chats match")).toBeVisible();

    const assigned = await page.request.post(`/api/chats/${chat.id}/assign`, {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: { assigneeId: me.id },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);

    // Live: the open list hears the change over /api/events, no reload.
    const row = list.getByRole("link", { name: new RegExp(`^${chat.title}`) });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row.getByRole("img", { name: `Assigned to ${me.name || me.email}` })).toBeVisible();
    await expect(page.getByTestId("view-count-mine")).toBeVisible();

    // Needs reply combines with the view and shows how long the customer has waited.
    await page.getByRole("button", { name: "Needs reply" }).click();
    await expect(page).toHaveURL(/view=mine.*needsReply=1/);
    await expect(row).toContainText(/waiting \d+/);

    // Unassigned does not show it; the choice survives a reload.
    await page.getByRole("button", { name: /^Unassigned/ }).click();
    await expect(page).toHaveURL(/view=unassigned/);
    await expect(row).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: /^Unassigned/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Needs reply" })).toHaveAttribute("aria-pressed", "true");
  });
});
