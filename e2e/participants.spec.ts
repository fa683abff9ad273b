import { expect, test } from "@playwright/test";
import type { ParticipantView } from "@/lib/participants/list-participants";
import { signIn } from "./support/auth";
import { apiJson, chatDetail, openChat, pickChat } from "./support/inbox";
import { sandboxCalls } from "./support/sandbox";

test("a group's participants panel removes a member after a confirmation, and the provider is told", async ({
  page,
}) => {
  await signIn(page);
  let members: ParticipantView[] = [];
  const chat = await pickChat(page.request, "chatops", 0, async (candidate) => {
    if (candidate.kind === "dialog") return false;
    members = await apiJson<ParticipantView[]>(page.request, `/api/chats/${candidate.id}/participants`);
    return members.filter((member) => member.isActive && !member.isBot).length >= 2;
  });
  const { externalId } = await chatDetail(page.request, chat.id);
  const member = members.find((candidate) => candidate.isActive && !candidate.isBot);
  if (!member) throw new Error("No member to remove");
  const name = member.name ?? member.username ?? member.externalId;
  await openChat(page, chat);

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
            call.path.endsWith(`/chats/${externalId}/participants/${member.externalId}`) &&
            call.status < 300,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
});
