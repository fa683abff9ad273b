import { messageLog, newestMessages, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

test("reactions show as chips under the bubble: emoji and count, who reacted on hover and on focus", async ({
  page,
}) => {
  const chat = await ownChat(page.request, "tgbridge", {
    title: uniqueName("Reacting customer"),
    messages: [
      { text: "Спасибо, всё пришло!", reactions: ["👍"] },
      { from: "agent", text: "Рады помочь" },
    ],
  });
  const { items } = await newestMessages(page.request, chat.id);
  const reacted = items.find((message) => message.externalId === chat.seeded.messageExternalIds[0]);
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
