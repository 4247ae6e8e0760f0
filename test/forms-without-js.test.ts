import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modules } from "../src/modules/registry.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

const platformPages = [
  "/",
  "/sign-in",
  "/forgot-password",
  "/account",
  "/admin/users",
  "/admin/audit",
  "/admin/outbox",
  "/admin/mail-sender",
  "/mail-preview",
  "/admin/brand",
  "/places/homes",
  "/places/homes/new",
  "/places/homes/import",
  "/places/neighbourhoods",
  "/places/assets",
  "/places/assets/new",
  "/places/assets/import",
  "/people",
  "/people/new",
  "/people/import",
  "/people/partners",
  "/people/partners/new",
];

/** Every form on a page must work as plain HTML: a method, a submit button, no script hooks. */
function formProblems(page: string, html: string): string[] {
  const problems: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const method = /method="(get|post)"/i.exec(attributes)?.[1];
    if (!method) problems.push(`${page}: a form has no method`);
    if (/\bon[a-z]+=/i.test(attributes) || /javascript:/i.test(attributes))
      problems.push(`${page}: a form relies on script`);
    const submits = /<button(?![^>]*type="(button|reset)")[^>]*>|<input[^>]*type="submit"/i.test(body);
    if (!submits) problems.push(`${page}: a form has no submit button`);
    if (method?.toLowerCase() === "post" && !/name="_csrf"/.test(body))
      problems.push(`${page}: a POST form has no CSRF token`);
  }
  return problems;
}

/** Two elements with one id send a label, an error link or aria-describedby to the wrong field. */
function duplicateIds(page: string, html: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [, id] of html.matchAll(/\sid="([^"]+)"/g)) {
    if (seen.has(id)) problems.push(`${page}: id "${id}" is used twice`);
    seen.add(id);
  }
  return problems;
}

describe("no page needs JavaScript to submit a form", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    database = await openTestDatabase();
    // From this machine, so the mail preview (local only) and its form are checked too.
    app = await buildTestApp(database, undefined, { addressWithoutSocket: "127.0.0.1" });
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "organisation-admin", "forms@example.org");
  });
  afterAll(async () => database.close());

  it("checks every form on the platform pages and on each module's pages in the navigation", async () => {
    const browser = new TestBrowser(app);
    const anonymous = formProblems("/sign-in", await (await browser.get("/sign-in")).text());
    await browser.signIn("forms@example.org");
    const moduleEntries = modules.flatMap((module) => module.navigation ?? []).map((link) => link.href);
    const problems = [...anonymous];
    let forms = 0;
    for (const page of [...platformPages, ...moduleEntries]) {
      const response = await browser.get(page);
      expect(response.status, page).toBeLessThan(500);
      const html = await response.text();
      forms += (html.match(/<form/g) ?? []).length;
      problems.push(...formProblems(page, html), ...duplicateIds(page, html));
    }
    expect(forms).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
