import { describe, expect, it } from "vitest";
import { fillVariables } from "@/lib/canned-replies/variables";

const context = { customerName: "Анна Иванова", agentName: "Olena", chatTitle: "Order #1042" };

describe("a saved reply's variables", () => {
  it("are filled with the customer, the agent and the chat, however often and however spaced", () => {
    expect(
      fillVariables(
        "Здравствуйте, {{customer.name}}! Меня зовут {{ agent.name }}. {{customer.name}}, по «{{chat.title}}»…",
        context,
      ),
    ).toBe("Здравствуйте, Анна Иванова! Меня зовут Olena. Анна Иванова, по «Order #1042»…");
  });

  it("keep an unknown variable as written, and use the chat's title for a customer without a name", () => {
    expect(fillVariables("Hi {{customer.name}}, {{customer.phone}}", { ...context, customerName: null })).toBe(
      "Hi Order #1042, {{customer.phone}}",
    );
  });

  it("never treat the filled-in values as variables or patterns", () => {
    expect(fillVariables("{{customer.name}}", { ...context, customerName: "$& {{agent.name}}" })).toBe(
      "$& {{agent.name}}",
    );
  });
});
