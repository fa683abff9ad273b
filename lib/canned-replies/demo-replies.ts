import type { Db } from "@/lib/db";

/** Examples a new team sees in demo mode, in both of the inbox's languages. */
const DEMO_REPLIES = [
  {
    title: "Приветствие",
    shortcut: "привет",
    text: "Здравствуйте, {{customer.name}}! Меня зовут {{agent.name}}, я помогу разобраться. Опишите, пожалуйста, что случилось.",
  },
  {
    title: "Номер заказа",
    shortcut: "заказ",
    text: "{{customer.name}}, подскажите, пожалуйста, номер заказа — я проверю его статус.",
  },
  {
    title: "Greeting",
    shortcut: "hello",
    text: "Hello {{customer.name}}, this is {{agent.name}} from support. How can I help?",
  },
  {
    title: "Refund on its way",
    shortcut: "refund",
    text: "Hi {{customer.name}}, your refund has been issued and should reach your card within 3–5 business days.",
  },
];

/** Puts the examples in as the team's saved replies, once: only while the team has none. */
export async function seedDemoReplies(prisma: Db): Promise<void> {
  if ((await prisma.cannedReply.count({ where: { ownerId: null } })) > 0) return;
  await prisma.cannedReply.createMany({ data: DEMO_REPLIES });
}
