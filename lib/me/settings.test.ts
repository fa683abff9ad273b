import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings, getTheme, updateSettings } from "@/lib/me/settings";
import { ZUpdateSettingsRequest } from "@/lib/me/settings.types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.user.createMany({
    data: [
      { id: "agent-a", name: "Agent A", email: "a@inbox.test" },
      { id: "agent-b", name: "Agent B", email: "b@inbox.test" },
    ],
  });
});

afterAll(async () => {
  await database.drop();
});

describe("the agent's theme", () => {
  it("follows the system until the agent picks one", async () => {
    expect(await getTheme(database.prisma, "agent-a")).toBe("system");
    expect((await getSettings(database.prisma, "agent-a")).theme).toBe("system");
  });

  it("is saved for that agent only and read back", async () => {
    const saved = await updateSettings(database.prisma, "agent-a", ZUpdateSettingsRequest.parse({ theme: "dark" }));
    expect(saved).toMatchObject({ theme: "dark", autoMarkRead: true });
    expect(await getTheme(database.prisma, "agent-a")).toBe("dark");
    expect(await getTheme(database.prisma, "agent-b")).toBe("system");

    await updateSettings(database.prisma, "agent-a", ZUpdateSettingsRequest.parse({ theme: "light" }));
    expect(await getTheme(database.prisma, "agent-a")).toBe("light");
  });

  it("an unknown user (deleted mid-session) gets the system theme", async () => {
    expect(await getTheme(database.prisma, "nobody")).toBe("system");
  });

  it("refuses a theme that does not exist", () => {
    expect(ZUpdateSettingsRequest.safeParse({ theme: "purple" }).success).toBe(false);
    expect(ZUpdateSettingsRequest.safeParse({ theme: 1 }).success).toBe(false);
    expect(ZUpdateSettingsRequest.safeParse({}).success).toBe(false);
  });
});

describe("the agent's notification choices", () => {
  it("are off until the agent turns them on, and saved for that agent only", async () => {
    expect(await getSettings(database.prisma, "agent-b")).toMatchObject({ notifyDesktop: false, notifySound: false });
    const saved = await updateSettings(
      database.prisma,
      "agent-b",
      ZUpdateSettingsRequest.parse({ notifyDesktop: true, notifySound: true }),
    );
    expect(saved).toMatchObject({ notifyDesktop: true, notifySound: true });
    expect(await getSettings(database.prisma, "agent-a")).toMatchObject({ notifyDesktop: false, notifySound: false });
    expect(ZUpdateSettingsRequest.safeParse({ notifySound: "yes" }).success).toBe(false);
  });
});
