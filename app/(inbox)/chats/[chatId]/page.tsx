import { notFound } from "next/navigation";
import { ThreadView } from "@/components/thread/thread-view";

/** A chat, by its id in the URL; the list's filters stay in the query string. */
export default async function ChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  const id = /^\d{1,10}$/.test(chatId) ? Number(chatId) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  return <ThreadView key={id} chatId={id} />;
}
