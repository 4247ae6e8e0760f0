import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { projectRoot } from "../../config/config.ts";
import type { Database } from "../../db/database.ts";
import type { AppEnv } from "../../http/app-env.ts";
import { csrfCookie } from "../../http/csrf.ts";
import { requestPasswordReset, resetPassword } from "../password-reset.ts";

const formToken = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("requests an attacker would send", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database, undefined, { config: { publicUrl: "https://kith.example.org" } });
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "officer", "victim@example.org");
    await addUser(database, org.id, "officer", "attacker@example.org");
    await addUser(database, org.id, "officer", "racer@example.org");
  });
  afterAll(async () => database.close());

  // Issue 18 finding 2: a reset asked for with Host: evil.example mailed a link to evil.example.
  it("mails reset links on the configured public URL, whatever the Host header says", async () => {
    const form = await app.request("http://evil.example/forgot-password", {
      headers: { host: "evil.example" },
    });
    const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0];
    const response = await app.request("http://evil.example/forgot-password", {
      method: "POST",
      headers: { host: "evil.example", cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: formToken(await form.text()), email: "victim@example.org" }),
    });
    expect(response.status).toBe(200);
    const [message] = await database.query<{ body: string }>(
      "SELECT body FROM outbound_message WHERE recipient = 'victim@example.org'",
    );
    expect(message.body).toMatch(/https:\/\/kith\.example\.org\/reset-password\/r_/);
    expect(message.body).not.toContain("evil.example");
  });

  it("builds no absolute link from the request's address or Host header anywhere in the code", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(path.join(projectRoot, "src"))) {
      const text = await readFile(file, "utf8");
      if (/new URL\(c\.req\.url\)\.(origin|host)|req\.header\(["']host["']\)/i.test(text))
        offenders.push(path.relative(projectRoot, file));
    }
    expect(offenders).toEqual([]);
  });

  // Issue 18 finding 4: two parallel requests with one reset link both changed the password.
  it("changes the password once when one reset link is used twice at the same moment", async () => {
    const link = await requestPasswordReset(
      database.db,
      "racer@example.org",
      "https://kith.example.org",
      testNow,
    );
    const token = (link ?? "").split("/").pop() ?? "";
    const outcomes = await Promise.allSettled([
      resetPassword(database.db, token, "first racing new password", testNow),
      resetPassword(database.db, token, "second racing new password", testNow),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { status: 422 },
    });
  });

  // Issue 18 finding 9: a victim's session cookie with the attacker's own CSRF cookie and token was accepted.
  it("refuses another browser's CSRF token and cookie sent with a victim's session", async () => {
    const victim = new TestBrowser(app);
    await victim.signIn("victim@example.org");
    const attacker = new TestBrowser(app);
    const attackerToken = await attacker.csrfToken("/sign-in");
    const attackerCookie = attacker.cookies.get(csrfCookie);
    const forged = await app.request("/account/sign-out-everywhere", {
      method: "POST",
      headers: {
        cookie: `kith_session=${victim.cookies.get("kith_session")}; ${csrfCookie}=${attackerCookie}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: attackerToken }),
    });
    expect(forged.status).toBe(403);
    // The attacker's own signed-in token is no better.
    await attacker.signIn("attacker@example.org");
    const signedInToken = await attacker.csrfToken("/account");
    const stillForged = await app.request("/account/sign-out-everywhere", {
      method: "POST",
      headers: {
        cookie: `kith_session=${victim.cookies.get("kith_session")}; ${csrfCookie}=${attacker.cookies.get(csrfCookie)}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: signedInToken }),
    });
    expect(stillForged.status).toBe(403);
    expect((await victim.get("/account")).status).toBe(200);
    const own = await victim.post(
      "/account/sign-out-everywhere",
      {},
      { csrf: await victim.csrfToken("/account") },
    );
    expect(own.status).toBe(303);
  });
});
