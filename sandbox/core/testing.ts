import { onTestFinished } from "vitest";

/** For tests: a fake started for the running test, closed when the test ends (passed or failed). */
export async function fakeForTest<Fake extends { close: () => Promise<void> }>(starting: Promise<Fake>): Promise<Fake> {
  const fake = await starting;
  onTestFinished(() => fake.close());
  return fake;
}
