import { randomInt } from "node:crypto";
import type { StaffMember } from "@/lib/assignment/staff";
import type { CannedReply } from "@/lib/canned-replies/canned-replies.types";
import { apiJson, messageWithText, openChat } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { expect, test } from "./support/test";

const origin = () => ({ origin: process.env.E2E_BASE_URL ?? "" });

test("a saved reply made on its page is inserted with `/` and its shortcut, variables filled, and stays editable before sending", async ({
  page,
}) => {
  const shortcut = `thanks${randomInt(1e6)}`;
  const title = `Thanks ${shortcut}`;
  const staff = await apiJson<StaffMember[]>(page.request, "/api/staff");
  const me = staff.find((member) => member.email === (process.env.E2E_EMAIL ?? "demo@inbox.local"));
  const chat = await customerChat(page.request, "tgbridge", "Grateful customer", "Всё получилось!");

  await page.goto("/replies");
  await expect(page.getByRole("heading", { name: "Saved replies" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Shortcut word (optional)").fill(shortcut);
  await page.getByLabel("Text", { exact: true }).fill("Спасибо, {{customer.name}}! С вами был {{agent.name}}.");
  await page.getByRole("button", { name: "Add reply" }).click();
  const saved = page.getByTestId(`reply-${title}`);
  await expect(saved).toContainText(`/${shortcut}`);
  // Demo mode's examples are the team's, for everyone.
  await expect(page.getByRole("region", { name: "Team" })).toContainText("Приветствие");

  try {
    await openChat(page, chat);
    const box = page.getByLabel("Message", { exact: true });
    await box.pressSequentially(`/${shortcut.slice(0, 8)}`);
    const picker = page.getByRole("listbox", { name: "Saved replies" });
    await expect(picker.getByRole("option", { name: new RegExp(title) })).toBeVisible();
    await box.pressSequentially(shortcut.slice(8));
    await expect(picker.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(picker).toHaveCount(0);
    const filled = `Спасибо, ${chat.title}! С вами был ${me?.name}.`;
    await expect(box).toHaveValue(filled);

    // Still the agent's text to change; Enter now sends.
    await box.press("End");
    await box.pressSequentially(" Хорошего дня!");
    await box.press("Enter");
    await expect(messageWithText(page, `${filled} Хорошего дня!`)).toBeVisible();

    // The mouse works too, and Esc keeps what was typed.
    await box.pressSequentially("/");
    await picker.getByRole("option", { name: /^Greeting/ }).click();
    await expect(box).toHaveValue(`Hello ${chat.title}, this is ${me?.name} from support. How can I help?`);
    await box.fill("");
    await box.pressSequentially("/zz");
    await expect(page.getByText("No saved reply matches")).toBeVisible();
    await box.press("Escape");
    await expect(picker).toHaveCount(0);
    await expect(box).toHaveValue("/zz");
  } finally {
    const replies = await apiJson<CannedReply[]>(page.request, "/api/canned-replies");
    const mine = replies.find((reply) => reply.title === title);
    if (mine) await page.request.delete(`/api/canned-replies/${mine.id}`, { headers: origin() });
  }
});
