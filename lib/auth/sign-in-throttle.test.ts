import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countSignInAttempt,
  forgiveSignIn,
  MAX_ATTEMPTS_PER_ACCOUNT,
  MAX_ATTEMPTS_PER_ADDRESS,
  signInKeys,
} from "@/lib/auth/sign-in-throttle";
import { createPrismaClient, type Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
/** A second instance's connection pool on the same database. */
let otherInstance: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  otherInstance = createPrismaClient(database.url, 10);
});

afterAll(async () => {
  await otherInstance.$disconnect();
  await database.drop();
});

describe("sign-in throttling", () => {
  it("lets exactly the allowed number of a parallel burst through, across two instances", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        countSignInAttempt(
          index % 2 === 0 ? database.prisma : otherInstance,
          signInKeys(`203.0.113.${index}`, "Burst@Example.com"),
        ),
      ),
    );
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(MAX_ATTEMPTS_PER_ACCOUNT);
    const refused = attempts.find((attempt) => !attempt.allowed);
    expect(refused).toMatchObject({ allowed: false });
    if (refused && !refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
  });

  it("counts an address across accounts, and the account across addresses, separately", async () => {
    const byAddress = [];
    for (let index = 0; index < MAX_ATTEMPTS_PER_ADDRESS + 2; index += 1) {
      byAddress.push(await countSignInAttempt(database.prisma, signInKeys("198.51.100.9", `user${index}@example.com`)));
    }
    expect(byAddress.filter((attempt) => attempt.allowed)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    // Another address may still try those accounts.
    expect(await countSignInAttempt(database.prisma, signInKeys("198.51.100.10", "user1@example.com"))).toEqual({
      allowed: true,
    });
  });

  it("a successful sign-in resets the account and gives the address its attempt back", async () => {
    const keys = signInKeys("192.0.2.1", "someone@example.com");
    for (let index = 0; index < MAX_ATTEMPTS_PER_ACCOUNT; index += 1) await countSignInAttempt(database.prisma, keys);
    await forgiveSignIn(database.prisma, keys);
    const rows = await database.prisma.loginFailure.findMany({ where: { key: { in: [keys.account, keys.address] } } });
    expect(rows.map((row) => [row.key, row.count])).toEqual([[keys.address, MAX_ATTEMPTS_PER_ACCOUNT - 1]]);
    expect(await countSignInAttempt(database.prisma, keys)).toEqual({ allowed: true });
  });

  it("starts a new window once the old one is over", async () => {
    const keys = signInKeys("192.0.2.2", "later@example.com");
    for (let index = 0; index <= MAX_ATTEMPTS_PER_ACCOUNT; index += 1) await countSignInAttempt(database.prisma, keys);
    expect((await countSignInAttempt(database.prisma, keys)).allowed).toBe(false);
    await database.prisma.$executeRaw`UPDATE login_failures SET window_start = now() - interval '16 minutes'`;
    expect(await countSignInAttempt(database.prisma, keys)).toEqual({ allowed: true });
  });
});
