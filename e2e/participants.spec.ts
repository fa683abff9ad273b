import type { ParticipantView } from "@/lib/participants/list-participants";
import { apiJson, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { sandboxCalls } from "./support/sandbox";
import { expect, test } from "./support/test";

test("a group's participants panel removes a member after a confirmation, and the provider is told", async ({
  page,
}) => {
  const chat = await ownChat(page.request, "chatops", {
    title: uniqueName("Participants group"),
    members: ["Ann Lee", "Тарас Мельник"],
  });
  // Opening the chat refreshes it from the provider, members included.
  await openChat(page, chat);
  let members: ParticipantView[] = [];
  await expect
    .poll(async () => {
      members = await apiJson<ParticipantView[]>(page.request, `/api/chats/${chat.id}/participants`);
      return members.filter((member) => member.isActive && !member.isBot).length;
    })
    .toBeGreaterThanOrEqual(2);
  const member = members.find((candidate) => candidate.isActive && candidate.name === "Ann Lee");
  if (!member) throw new Error("No member to remove");
  const name = member.name ?? member.username ?? member.externalId;

  await page.getByRole("button", { name: /^Participants/ }).click();
  const panel = page.getByRole("dialog", { name: `Participants of ${chat.title}` });
  await expect(panel.getByText(name, { exact: true })).toBeVisible();
  const since = Date.now();
  await panel.getByRole("button", { name: `Remove participant ${name}` }).click();
  await expect(panel.getByText(`Remove ${name} from this chat?`)).toBeVisible();
  await panel.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText(`${name} was removed`)).toBeVisible();
  await expect(panel.getByRole("button", { name: `Remove participant ${name}` })).toHaveCount(0);

  await expect
    .poll(
      async () =>
        (await sandboxCalls("chatops", since)).some(
          (call) =>
            call.method === "DELETE" &&
            call.path.endsWith(`/chats/${chat.externalId}/participants/${member.externalId}`) &&
            call.status < 300,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
});
