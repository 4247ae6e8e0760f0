import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser, testPassword } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { createApp } from "../../app.ts";
import { modules } from "../../modules/registry.ts";
import { loadSigningSecret } from "../auth/secret.ts";
import { loadConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { clientAddressFrom, isLoopback, TrustedProxies } from "../http/client-address.ts";
import { queueEmails } from "../jobs/outbox.ts";

describe("outbox and mail preview pages", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let admin: TestBrowser;
  let orgId: string;
  const message = async (recipient: string) =>
    (
      await database.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
        "SELECT id, status, attempts, last_error FROM outbound_message WHERE recipient = $1",
        [recipient],
      )
    )[0];

  beforeAll(async () => {
    database = await openTestDatabase();
    // The preview answers only a client on this machine (decision 0009).
    app = await buildTestApp(database, undefined, { addressWithoutSocket: "127.0.0.1" });
    orgId = (await makeOrganisation(database.db)).id;
    await addUser(database, orgId, "organisation-admin", "admin@example.org");
    await addUser(database, orgId, "officer", "officer@example.org");
    admin = new TestBrowser(app);
    await admin.signIn("admin@example.org");
    await queueEmails(database.db, orgId, testNow, [
      { recipient: "waiting@example.org", subject: "Still waiting", body: "Hi" },
      { recipient: "bounced@example.org", subject: "Bounced notice", body: "Hi" },
    ]);
    await database.query(
      "UPDATE outbound_message SET status = 'failed', attempts = 5, last_error = '550 No such user here' WHERE recipient = 'bounced@example.org'",
    );
    const other = await makeOrganisation(database.db, "Other Homes");
    await queueEmails(database.db, other.id, testNow, [
      { recipient: "elsewhere@example.org", subject: "Other organisation's notice", body: "Hi" },
    ]);
    await database.query(
      "UPDATE outbound_message SET status = 'failed' WHERE recipient = 'elsewhere@example.org'",
    );
  });
  afterAll(async () => database.close());

  it("shows an admin the failed emails with their attempts and last error, and not another organisation's", async () => {
    const page = await (await admin.get("/admin/outbox?view=failed")).text();
    expect(page).toContain("Bounced notice");
    expect(page).toContain("550 No such user here");
    expect(page).toContain("Failed (1)");
    expect(page).toContain("Queued (1)");
    expect(page).not.toContain("Still waiting");
    expect(page).not.toContain("Other organisation");
    expect(page).toContain('action="/admin/outbox/');
  });

  it("queues a failed email again when the admin presses Resend, with an audit entry", async () => {
    const bounced = await message("bounced@example.org");
    const response = await admin.post(
      `/admin/outbox/${bounced.id}/resend`,
      {},
      { csrf: await admin.csrfToken("/admin/outbox") },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/outbox?view=queued&done=resent");
    expect(await message("bounced@example.org")).toMatchObject({
      status: "queued",
      attempts: 0,
      last_error: null,
    });
    const [audit] = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'outbound_message' AND entity_id = $1",
      [bounced.id],
    );
    expect(audit.summary).toContain("bounced@example.org");
    expect(await (await admin.get("/admin/outbox?view=queued&done=resent")).text()).toContain(
      "The email is queued to be sent again.",
    );
  });

  it("refuses a resend without the form's CSRF token", async () => {
    const waiting = await message("waiting@example.org");
    const response = await admin.post(`/admin/outbox/${waiting.id}/resend`, {}, { csrf: null });
    expect(response.status).toBe(403);
  });

  it("answers 409 for an email that is already queued, and 404 for another organisation's or a bad id", async () => {
    const csrf = await admin.csrfToken("/admin/outbox");
    const waiting = await message("waiting@example.org");
    expect((await admin.post(`/admin/outbox/${waiting.id}/resend`, {}, { csrf })).status).toBe(409);
    const elsewhere = await message("elsewhere@example.org");
    expect((await admin.post(`/admin/outbox/${elsewhere.id}/resend`, {}, { csrf })).status).toBe(404);
    expect(await message("elsewhere@example.org")).toMatchObject({ status: "failed" });
    expect((await admin.post("/admin/outbox/not-a-uuid/resend", {}, { csrf })).status).toBe(404);
  });

  it("keeps the outbox from officers", async () => {
    const officer = new TestBrowser(app);
    await officer.signIn("officer@example.org", testPassword);
    expect((await officer.get("/admin/outbox")).status).toBe(403);
  });

  it("lets a signed-out newcomer reset a password through the mail preview", async () => {
    const browser = new TestBrowser(app);
    const checkEmail = await (
      await browser.post("/forgot-password", { email: "officer@example.org" })
    ).text();
    expect(checkEmail).toContain('href="/mail-preview"');
    const preview = await (await browser.get("/mail-preview?to=officer@example.org")).text();
    expect(preview).toContain("Reset your Kith password");
    expect(preview).not.toContain("Still waiting");
    const link = /href="(http:\/\/[^"]+\/reset-password\/[^"]+)"/.exec(preview)?.[1] ?? "";
    expect(link).not.toBe("");
    const path = new URL(link).pathname;
    const changed = await browser.post(
      path,
      { password: "another long new password" },
      { csrf: await browser.csrfToken(path) },
    );
    expect(await changed.text()).toContain("Password changed");
    expect((await browser.signIn("officer@example.org", "another long new password")).status).toBe(303);
  });

  it("has no mail preview when SMTP is set", async () => {
    const config = loadConfig({ DATABASE_URL: "", KITH_SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(config.mailPreview).toBe(false);
    const smtpApp = createApp(
      {
        database,
        config,
        signingSecret: await loadSigningSecret(database.db),
        clock: () => testNow,
        // A local client, so only the SMTP setting closes the preview.
        addressWithoutSocket: "127.0.0.1",
      },
      modules,
    );
    expect((await smtpApp.request("/mail-preview")).status).toBe(404);
    const browser = new TestBrowser(smtpApp);
    const checkEmail = await (await browser.post("/forgot-password", { email: "nobody@example.org" })).text();
    expect(checkEmail).toContain("Check your email");
    expect(checkEmail).not.toContain("/mail-preview");
  });

  it("answers only a client on this machine, unless KITH_MAIL_PREVIEW=on", async () => {
    const from = async (address: string, env: Record<string, string> = {}) => {
      const remote = await buildTestApp(database, undefined, {
        addressWithoutSocket: address,
        config: loadConfig({ DATABASE_URL: "", ...env }),
      });
      const checkEmail = await (
        await new TestBrowser(remote).post("/forgot-password", { email: "nobody@example.org" })
      ).text();
      return `${(await remote.request("/mail-preview")).status} ${checkEmail.includes("/mail-preview")}`;
    };
    expect(await from("::1")).toBe("200 true");
    expect(await from("203.0.113.9")).toBe("404 false");
    expect(await from("203.0.113.9", { KITH_MAIL_PREVIEW: "on" })).toBe("200 true");
    expect(await from("127.0.0.1", { KITH_MAIL_PREVIEW: "off" })).toBe("404 false");
    // Through a trusted proxy on this machine, the client is the one the proxy names: not local.
    const proxy = new TrustedProxies(["127.0.0.1"]);
    expect(isLoopback(clientAddressFrom("127.0.0.1", "203.0.113.9", proxy))).toBe(false);
    expect(isLoopback(clientAddressFrom("::ffff:127.0.0.1", undefined, proxy))).toBe(true);
  });
});
