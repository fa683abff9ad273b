import { expect, test } from "@playwright/test";
import type { MessageView } from "@/lib/messages/list-messages";
import { signIn } from "./support/auth";
import { messageLog, newestMessages, openChat, pickChat } from "./support/inbox";

test("reactions show as chips under the bubble: emoji and count, who reacted on hover and on focus", async ({
  page,
}) => {
  await signIn(page);
  let reacted: MessageView | undefined;
  const chat = await pickChat(page.request, "tgbridge", 0, async (candidate) => {
    const { items } = await newestMessages(page.request, candidate.id);
    reacted = items.findLast((message) => message.reactions.length > 0);
    return reacted !== undefined;
  });
  const reaction = reacted?.reactions[0];
  if (!reacted || !reaction) throw new Error("No reaction");
  await openChat(page, chat);

  const message = messageLog(page).locator(`[data-message-id="${reacted.id}"]`);
  await message.scrollIntoViewIfNeeded();
  const chips = message.getByRole("list", { name: "Reactions" });
  const chip = chips.getByRole("button", { name: `${reaction.emoji} ${reaction.count}` });
  await expect(chip).toBeVisible();
  // Named where the provider names them (the bridge reports only employee ids, so those are counted).
  const who = new RegExp(
    `^Reacted: ${reaction.authors.length > 0 ? reaction.authors[0] : `${reaction.count} (person|people)`}`,
  );
  const tooltip = message.getByRole("tooltip").filter({ hasText: who });
  await expect(tooltip).toBeHidden();

  await chip.hover();
  await expect(tooltip).toBeVisible();
  await expect(chip).toHaveAccessibleDescription(who);

  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await chip.focus();
  await expect(tooltip).toBeVisible();
});
