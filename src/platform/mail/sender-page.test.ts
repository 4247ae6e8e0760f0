import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";

describe("who an organisation's email comes from", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let orgId: string;
  const sender = async () =>
    (
      await database.query<{ name: string | null; address: string | null }>(
        "SELECT mail_sender_name AS name, mail_sender_address AS address FROM organisation WHERE id = $1",
        [orgId],
      )
    )[0];

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    orgId = (await makeOrganisation(database.db)).id;
    await addUser(database, orgId, "organisation-admin", "admin@sender.example");
    await addUser(database, orgId, "manager", "manager@sender.example");
  });
  afterAll(async () => database.close());

  it("lets an administrator set the sender name and address, audited, and refuses a bad address", async () => {
    const admin = new TestBrowser(app);
    await admin.signIn("admin@sender.example");
    const token = await admin.csrfToken("/admin/mail-sender");
    const bad = await admin.post(
      "/admin/mail-sender",
      { senderName: "Weald Homes", senderAddress: "housing at weald" },
      { csrf: token },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter an email address in the correct format");
    expect(await sender()).toEqual({ name: null, address: null });
    const saved = await admin.post(
      "/admin/mail-sender",
      { senderName: "Weald Homes Community Team", senderAddress: " Community@Weald.example " },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    expect(await sender()).toEqual({
      name: "Weald Homes Community Team",
      address: "community@weald.example",
    });
    expect(await (await admin.get("/admin/mail-sender")).text()).toContain('value="community@weald.example"');
    const [audit] = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE organisation_id = $1 AND entity_type = 'organisation' ORDER BY seq DESC LIMIT 1",
      [orgId],
    );
    expect(audit?.summary).toBe("Changed who the organisation's email comes from");
    // Blank fields go back to the defaults.
    expect(
      (await admin.post("/admin/mail-sender", { senderName: "", senderAddress: "" }, { csrf: token })).status,
    ).toBe(303);
    expect(await sender()).toEqual({ name: null, address: null });
  });

  it("is an administrator's setting only", async () => {
    const manager = new TestBrowser(app);
    await manager.signIn("manager@sender.example");
    expect((await manager.get("/admin/mail-sender")).status).toBe(403);
  });
});
