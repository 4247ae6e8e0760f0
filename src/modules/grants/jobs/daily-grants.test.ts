import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { appUser, outboundMessage } from "../../../platform/db/platform-schema.ts";
import { grantPayment, grantReminder } from "../schema.ts";
import { approvedDirectAward, directAwardInput, type GrantPeople, grantPeople } from "../test-support.ts";
import { runGrantsDaily } from "./daily-grants.ts";

let database: Database;
let people: GrantPeople;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  people = await grantPeople(database.db, organisationId);
});
afterAll(async () => database?.close());

describe("the daily grants job", () => {
  it("reminds before the notice deadline of a multi-year award, once", async () => {
    const officer = actorFor(organisationId, "officer");
    const manager = actorFor(organisationId, "manager");
    // Three annual instalments: 2026-07-01, 2027-07-01, 2028-07-01. Notice for the second must be given by 2027-04-01.
    const grant = await approvedDirectAward(database.db, { officer, manager }, directAwardInput(people));
    const before = new Date("2027-03-10T09:00:00Z");
    expect((await runGrantsDaily(database.db, organisationId, before)).reminders).toBeGreaterThan(0);
    const reminders = await database.db
      .select()
      .from(grantReminder)
      .where(eq(grantReminder.grantId, grant.id));
    const notice = reminders.filter((r) => r.kind === "notice-deadline");
    expect(notice.map((r) => r.subjectDate)).toEqual(["2027-04-01"]);
    expect(notice[0].message).toContain("give notice by 1 April 2027");
    await runGrantsDaily(database.db, organisationId, new Date("2027-03-11T09:00:00Z"));
    const again = await database.db.select().from(grantReminder).where(eq(grantReminder.grantId, grant.id));
    expect(again.filter((r) => r.kind === "notice-deadline")).toHaveLength(1);
  });

  it("holds payments on grants with overdue monitoring and ends grants past their end date", async () => {
    const officer = actorFor(organisationId, "officer");
    const manager = actorFor(organisationId, "manager");
    const grant = await approvedDirectAward(
      database.db,
      { officer, manager },
      directAwardInput(people, { startDate: "2026-07-01", endDate: "2027-06-30" }),
    );
    const result = await runGrantsDaily(database.db, organisationId, new Date("2026-12-01T09:00:00Z"));
    expect(result.held).toBeGreaterThan(0);
    const later = await runGrantsDaily(database.db, organisationId, new Date("2027-08-01T09:00:00Z"));
    expect(later.ended).toBeGreaterThan(0);
    const payments = await database.db.select().from(grantPayment).where(eq(grantPayment.grantId, grant.id));
    expect(payments.every((p) => p.status === "held" || p.status === "paid")).toBe(true);
  });

  it("emails reminders through the outbox once: managers for notice deadlines, the grants team for returns", async () => {
    const org = (await makeOrganisation(database.db, "Emailed Homes")).id;
    const userIds: Record<string, string> = {};
    for (const [email, role] of [
      ["manager@emailed.example", "manager"],
      ["officer@emailed.example", "officer"],
      ["group@emailed.example", "community-group"],
    ]) {
      userIds[role] = newId();
      await database.db.insert(appUser).values({
        ...{ organisationId: org, id: userIds[role], email, name: role, role, passwordHash: "x" },
        ...{ failedLogins: 0, createdAt: testNow },
      });
    }
    // This organisation's own staff own the grant (no extra users, so the recipients stay as listed).
    const emailedPeople = { grantOwnerUserId: userIds.officer, accountableOfficerUserId: userIds.manager };
    const officer = actorFor(org, "officer");
    await approvedDirectAward(
      database.db,
      { officer, manager: actorFor(org, "manager") },
      directAwardInput(emailedPeople),
    );
    const outbox = async () =>
      (await database.db.select().from(outboundMessage).where(eq(outboundMessage.organisationId, org)))
        .map((m) => `${m.recipient}: ${m.subject}`)
        .sort();
    const first = await runGrantsDaily(database.db, org, new Date("2027-03-10T09:00:00Z"));
    expect(first.emailed).toBeGreaterThan(0);
    const sent = await outbox();
    expect(sent).toContain("manager@emailed.example: Notice deadline coming up for a multi-year grant");
    expect(sent).not.toContain("officer@emailed.example: Notice deadline coming up for a multi-year grant");
    // Earlier quarterly returns are overdue: a direct award has no applicant contact, so the team chases them.
    expect(sent).toContain("officer@emailed.example: Grant monitoring return overdue: payments held");
    expect(sent.some((line) => line.startsWith("group@"))).toBe(false);
    const again = await runGrantsDaily(database.db, org, new Date("2027-03-11T09:00:00Z"));
    expect(again.emailed).toBe(0);
    expect(await outbox()).toEqual(sent);
  });
});
