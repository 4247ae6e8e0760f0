import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { acceptInvitation, inviteUser, resendInvitation } from "./invitations.ts";
import { signIn } from "./sign-in.ts";

// Issue 18 item 4: a new user chooses their own password through a single-use invitation link,
// consumed by one conditional update, so two parallel uses give one success.

const publicUrl = "https://kith.example.org";
const newPassword = "correct horse battery staple";
const day = 24 * 60 * 60 * 1000;

describe("invitations", () => {
  let database: Database;
  let organisationId: string;
  let otherOrganisationId: string;
  const admin = () => actorFor(organisationId, "organisation-admin");

  beforeAll(async () => {
    database = await openTestDatabase();
    organisationId = (await makeOrganisation(database.db)).id;
    otherOrganisationId = (await makeOrganisation(database.db, "Other Homes")).id;
  });
  afterAll(async () => database.close());

  const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
  const invite = (email: string) =>
    inviteUser(database.db, admin(), testNow, { email, name: "Nadia Brooks", role: "officer" }, publicUrl);

  it("emails a link from the configured address, and the account cannot sign in until it is accepted", async () => {
    const { user, link } = await invite("nadia@example.org");
    expect(link).toMatch(/^https:\/\/kith\.example\.org\/invitation\/i_/);
    const [mail] = await database.query<{ recipient: string; body: string }>(
      "SELECT recipient, body FROM outbound_message WHERE recipient = 'nadia@example.org'",
    );
    expect(mail.body).toContain(link);
    expect(await signIn(database.db, "nadia@example.org", newPassword, "192.0.2.1", testNow)).toMatchObject({
      ok: false,
    });

    await acceptInvitation(database.db, tokenOf(link), newPassword, testNow);
    expect(await signIn(database.db, "nadia@example.org", newPassword, "192.0.2.1", testNow)).toMatchObject({
      ok: true,
    });
    const audit = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_id = $1 ORDER BY at, summary",
      [user.id],
    );
    expect(audit.map((row) => row.summary)).toEqual(
      expect.arrayContaining([
        "Invitation sent to nadia@example.org",
        "Invitation accepted and password chosen",
      ]),
    );
  });

  it("accepts a link once: of two parallel uses exactly one succeeds, and a later use is refused", async () => {
    const { link } = await invite("race@example.org");
    const outcomes = await Promise.allSettled([
      acceptInvitation(database.db, tokenOf(link), newPassword, testNow),
      acceptInvitation(database.db, tokenOf(link), "another long password", testNow),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const again = await problemOf(acceptInvitation(database.db, tokenOf(link), newPassword, testNow));
    expect(again.status).toBe(422);
    expect(again.detail).toMatch(/expired or has already been used/);
  });

  it("refuses an expired link, a weak password, a forged token and a disabled user's link", async () => {
    const { link } = await invite("late@example.org");
    const eightDaysOn = new Date(testNow.getTime() + 8 * day);
    expect(
      (await problemOf(acceptInvitation(database.db, tokenOf(link), newPassword, eightDaysOn))).status,
    ).toBe(422);
    const weak = await problemOf(acceptInvitation(database.db, tokenOf(link), "short", testNow));
    expect(weak.fieldErrors?.password).toBeTruthy();
    expect(
      (await problemOf(acceptInvitation(database.db, "i_not-a-token", newPassword, testNow))).status,
    ).toBe(422);

    const { user, link: disabledLink } = await invite("gone@example.org");
    await database.query("UPDATE app_user SET disabled_at = $1 WHERE id = $2", [testNow, user.id]);
    const refused = await problemOf(
      acceptInvitation(database.db, tokenOf(disabledLink), newPassword, testNow),
    );
    expect(refused.status).toBe(422);
    expect(await signIn(database.db, "gone@example.org", newPassword, "192.0.2.1", testNow)).toMatchObject({
      ok: false,
    });
  });

  it("sends a fresh link that replaces the old one, only to someone who has not accepted", async () => {
    const { user, link: first } = await invite("again@example.org");
    const second = await resendInvitation(database.db, admin(), testNow, user.id, publicUrl);
    expect(second).not.toBe(first);
    expect(
      (await problemOf(acceptInvitation(database.db, tokenOf(first), newPassword, testNow))).status,
    ).toBe(422);
    await acceptInvitation(database.db, tokenOf(second), newPassword, testNow);
    expect(
      (await problemOf(resendInvitation(database.db, admin(), testNow, user.id, publicUrl))).status,
    ).toBe(422);
  });

  it("lets only an organisation admin invite or resend, and never into another organisation", async () => {
    const officer = actorFor(organisationId, "officer");
    const denied = await problemOf(
      inviteUser(
        database.db,
        officer,
        testNow,
        { email: "x@example.org", name: "X Y", role: "officer" },
        publicUrl,
      ),
    );
    expect(denied.status).toBe(403);
    const { user } = await invite("theirs@example.org");
    const otherAdmin = actorFor(otherOrganisationId, "organisation-admin");
    expect(
      (await problemOf(resendInvitation(database.db, otherAdmin, testNow, user.id, publicUrl))).status,
    ).toBe(404);
    const rows = await database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM app_user WHERE email = 'x@example.org'",
    );
    expect(rows[0].count).toBe(0);
  });

  it("invites from the users page and accepts through the link's page, without JavaScript", async () => {
    const app = await buildTestApp(database, () => testNow, { config: { publicUrl } });
    await addUser(database, organisationId, "organisation-admin", "admin@example.org");
    const browser = new TestBrowser(app);
    await browser.signIn("admin@example.org");
    const added = await browser.post(
      "/admin/users",
      { name: "Priya Shah", email: "priya@example.org", role: "officer" },
      { csrf: await browser.csrfToken("/admin/users") },
    );
    expect(added.status).toBe(303);
    const page = await (await browser.get("/admin/users?done=created")).text();
    expect(page).toContain("sent an invitation");
    expect(page).toContain("Invitation sent");
    const [mail] = await database.query<{ body: string }>(
      "SELECT body FROM outbound_message WHERE recipient = 'priya@example.org'",
    );
    const path = /https:\/\/kith\.example\.org(\/invitation\/\S+)/.exec(mail.body)?.[1] ?? "";
    expect(path).not.toBe("");

    const invited = new TestBrowser(app);
    const form = await (await invited.get(path)).text();
    expect(form).not.toContain("priya@example.org");
    const weak = await invited.post(path, { password: "short" }, { csrf: await invited.csrfToken(path) });
    expect(weak.status).toBe(422);
    const saved = await invited.post(
      path,
      { password: newPassword },
      { csrf: await invited.csrfToken(path) },
    );
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Password saved");
    expect((await invited.signIn("priya@example.org", newPassword)).status).toBe(303);
  });
});
