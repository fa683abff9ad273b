import { readFile } from "node:fs/promises";
import { seriousViolations } from "./support/axe";
import { attachScreenshot } from "./support/inbox";
import { expect, test } from "./support/test";

test("the reports page switches periods, shows a chart and its table, and exports the table as CSV", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();

  const month = page.waitForResponse((response) => response.url().includes("/api/reports?period=30d"));
  await page.getByRole("button", { name: "30 days" }).click();
  expect((await month).status()).toBe(200);
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

  const perDay = page.getByRole("region", { name: "Per day" });
  const chart = perDay.getByRole("figure");
  await expect(chart).toHaveAccessibleName(/Per day: a chart of 30 rows/);
  await chart.focus();
  await expect(chart).toBeFocused();
  await expect(chart.locator("rect").first()).toBeAttached();

  await perDay.getByRole("button", { name: "Show table" }).click();
  const table = perDay.getByRole("table", { name: "Per day" });
  await expect(table.getByRole("row")).toHaveCount(31);
  await expect(table.getByRole("columnheader", { name: "Customer messages" })).toBeVisible();

  const download = page.waitForEvent("download");
  await perDay.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report-days-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await file.path()) as string, "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("Date,Conversations started,Customer messages,Replies sent");
  expect(lines).toHaveLength(31);
  // The CSV and the table on screen carry the same figures.
  const firstRow = await table.getByRole("row").nth(1).getByRole("cell").allInnerTexts();
  expect(lines[1]).toBe(firstRow.join(","));

  await page.getByRole("button", { name: "Today" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.getByRole("button", { name: "7 days" }).click();
  await perDay.getByRole("button", { name: "Show chart" }).click();
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page)).toEqual([]);
  await attachScreenshot(page, "reports", testInfo);
});
