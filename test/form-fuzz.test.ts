import fc from "fast-check";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

// Issue 18 item 10, for pages: a bounded crawl signed in as a manager finds the POST forms
// and sends each one malformed values (with a valid CSRF token); no answer may be a 5xx.
// FUZZ_PAGES and FUZZ_FORM_RUNS widen the crawl.

const maxPages = Number(process.env.FUZZ_PAGES ?? 400);
const runsPerForm = Number(process.env.FUZZ_FORM_RUNS ?? 3);
const seed = Number(process.env.FUZZ_SEED ?? 20261207);

const hostile = [
  "a\u0000b",
  "9999",
  "99999999999999999999",
  "1e20",
  "-1",
  "9999-12-31",
  "\u200b",
  "x".repeat(20_000),
  "",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "<script>alert(1)</script>",
];

type Form = { action: string; fields: string[] };

function formsIn(page: string, from: string): Form[] {
  const forms: Form[] = [];
  for (const match of page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1];
    if (!/method="post"/i.test(attributes) || /enctype="multipart/i.test(attributes)) continue;
    const action = /action="([^"]*)"/.exec(attributes)?.[1] || from;
    const fields = [...match[2].matchAll(/name="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((name) => name !== "_csrf");
    forms.push({ action: action.replace(/&amp;/g, "&"), fields: [...new Set(fields)] });
  }
  return forms;
}

function linksIn(page: string): string[] {
  return [...page.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => m[1].replace(/&amp;/g, "&"))
    .filter(
      (href) => !/^\/(assets|static|sign-out)|\.(csv|json|pdf|xlsx|zip|js|css|png|svg|ico)(\?|$)/.test(href),
    );
}

describe("page form fuzz: no 5xx for any form input", { timeout: 600_000 }, () => {
  let database: Database;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const org = await makeOrganisation(database.db, "Ours");
    await addUser(database, org.id, "manager", "manager@ours.example");
  });
  afterAll(async () => database.close());

  it("answers malformed posts to every form it finds with 2xx, 3xx or 4xx", async () => {
    const browser = new TestBrowser(app);
    expect((await browser.signIn("manager@ours.example")).status).toBe(303);
    const queue = ["/"];
    const seen = new Set(queue);
    const forms = new Map<string, Form & { page: string }>();
    const failures: string[] = [];
    let pages = 0;
    while (queue.length > 0 && pages < maxPages) {
      const path = queue.shift() as string;
      const response = await browser.get(path);
      pages++;
      if (response.status >= 500) failures.push(`${response.status} GET ${path}`);
      if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      const page = await response.text();
      for (const form of formsIn(page, path)) {
        const key = form.action.split("?")[0];
        if (!forms.has(key) && !/sign-out|revoke|delete/.test(key)) forms.set(key, { ...form, page: path });
      }
      for (const link of linksIn(page)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    let posts = 0;
    let index = 0;
    for (const form of forms.values()) {
      index++;
      if (form.fields.length === 0) continue;
      const samples = fc.sample(
        fc.array(fc.constantFrom(...hostile), {
          minLength: form.fields.length,
          maxLength: form.fields.length,
        }),
        { numRuns: runsPerForm, seed: seed + index },
      );
      for (const values of samples) {
        const fields = Object.fromEntries(form.fields.map((name, i) => [name, values[i]]));
        const token = await browser.csrfToken(form.page);
        const response = await browser.post(form.action, fields, { csrf: token });
        posts++;
        if (response.status >= 500)
          failures.push(`${response.status} POST ${form.action} ${JSON.stringify(fields).slice(0, 200)}`);
      }
    }
    console.log(`form fuzz: ${pages} pages, ${forms.size} forms, ${posts} posts, ${failures.length} × 5xx`);
    expect(forms.size).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });
});
