import { expect, type Page, test } from "@playwright/test";
import { credentials, signIn } from "./support/auth";

/** The form's own message (Next.js keeps an empty route announcer with role "alert" on every page). */
const loginAlert = (page: Page) => page.locator("form").getByRole("alert");

test.describe("staff sign-in", () => {
  test("signed-out visitors are sent to the login page and APIs answer 401", async ({ page, request }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/chats/1");
    await expect(page).toHaveURL(/\/login\?next=%2Fchats%2F1$/);
    const response = await request.get("/api/chats");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue" } });
  });

  test("demo mode shows its credentials, which sign in to the shell; sign out ends the session", async ({ page }) => {
    await page.goto("/login");
    const { email, password } = credentials();
    await expect(page.getByTestId("demo-email")).toHaveText(email);
    await expect(page.getByTestId("demo-password")).toHaveText(password);
    await signIn(page);
    await expect(page.getByRole("complementary", { name: "Chats" })).toBeVisible();
    await expect(page.getByText("Signed in as Demo admin")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong password gets a clear message that does not reveal whether the email exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(credentials().email);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(loginAlert(page)).toHaveText("Wrong email or password.");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(loginAlert(page)).toHaveText("Wrong email or password.");
  });

  test("repeated failures are throttled", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("guesser@example.com");
    await page.getByLabel("Password").fill("guess-number-x");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(loginAlert(page)).toHaveText("Wrong email or password.");
    }
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(loginAlert(page)).toHaveText("Too many failed attempts. Wait 15 minutes and try again.");
  });

  test("after signing in, a deep link opens where the user meant to go", async ({ page }) => {
    await signIn(page, "/?from=link");
    await expect(page).toHaveURL(/\/\?from=link$/);
  });
});
