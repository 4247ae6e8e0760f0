import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { addSession } from "./commands/add-session.ts";
import { setAtRiskWeeks } from "./commands/set-at-risk-weeks.ts";
import { raiseAtRiskAlerts } from "./jobs/at-risk.ts";
import { volunteeringModule } from "./module.ts";
import { type Browser, signedIn, testApp } from "./test-app.ts";
import { approvedEstateRole, placedVolunteer } from "./testing/roles.ts";

const placedOn = new Date("2026-01-05T10:00:00Z");
const now = new Date("2026-03-02T09:00:00Z");
let database: Database;
let app: Hono<AppEnv>;
let organisationId: string;
let coordinator: Actor;
let coordinatorEmail: string;
let manager: Browser;
let officer: Browser;
let managerEmail: string;
const ids: Record<string, string> = {};

const rows = async (sql: string, params: unknown[] = []) =>
  database.query<Record<string, unknown>>(sql, params);
const logHours = (name: string, workedOn: string) =>
  database.query(
    `INSERT INTO vol_hours (organisation_id, id, volunteer_id, opportunity_id, worked_on, minutes, theme, status, logged_by, logged_at)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, 60, 'environment', 'verified', 'coordinator', $5)`,
    [organisationId, ids[name], ids.role, workedOn, now],
  );

/** Three placed volunteers: one active last week, one quiet since 10 January, one never logged. */
beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  app = testApp(database, [volunteeringModule], now);
  const officerLogin = await signedIn(app, database, organisationId, "officer", now);
  coordinatorEmail = officerLogin.user.email;
  coordinator = {
    kind: "user",
    organisationId,
    userId: officerLogin.user.id,
    role: "officer",
    name: "Test officer",
    email: coordinatorEmail,
    partnerOrganisationId: null,
  } as Actor;
  officer = officerLogin.browser;
  const managerLogin = await signedIn(app, database, organisationId, "manager", now);
  manager = managerLogin.browser;
  managerEmail = managerLogin.user.email;
  const role = await approvedEstateRole(database.db, coordinator, placedOn, { title: "Litter pick" });
  ids.role = role.id;
  for (const name of ["active", "quiet", "never"]) {
    ids[name] = await placedVolunteer(database.db, coordinator, placedOn, role.id, {
      givenName: name,
      familyName: "Picker",
      email: `${name}@example.org`,
    });
  }
  await logHours("quiet", "2026-01-10");
  await logHours("active", "2026-02-23");
});
afterAll(async () => database.close());

describe("the daily at-risk job", () => {
  it("flags volunteers quiet for 6 weeks and emails the coordinator who placed them, once", async () => {
    expect(await raiseAtRiskAlerts(database.db, organisationId, now)).toBe(2);
    const alerts = await rows(
      "SELECT volunteer_id, quiet_since::text, weeks, coordinator_user_id FROM vol_at_risk_alert ORDER BY quiet_since",
    );
    expect(alerts).toEqual([
      {
        volunteer_id: ids.never,
        quiet_since: "2026-01-05",
        weeks: 6,
        coordinator_user_id: coordinator.kind === "user" ? coordinator.userId : null,
      },
      {
        volunteer_id: ids.quiet,
        quiet_since: "2026-01-10",
        weeks: 6,
        coordinator_user_id: coordinator.kind === "user" ? coordinator.userId : null,
      },
    ]);
    const mail = await rows("SELECT recipient, subject, body FROM outbound_message");
    expect(mail).toHaveLength(1);
    expect(mail[0]?.recipient).toBe(coordinatorEmail);
    expect(mail[0]?.subject).toBe("2 volunteers may be about to stop volunteering");
    expect(String(mail[0]?.body)).toContain("quiet Picker has logged no hours since 10 January 2026");
    expect(String(mail[0]?.body)).not.toContain("active Picker");

    expect(await raiseAtRiskAlerts(database.db, organisationId, now)).toBe(0);
    expect(await raiseAtRiskAlerts(database.db, organisationId, new Date("2026-03-03T09:00:00Z"))).toBe(0);
    expect(await rows("SELECT 1 FROM vol_at_risk_alert")).toHaveLength(2);
    expect(await rows("SELECT 1 FROM outbound_message")).toHaveLength(1);
  });

  it("starts a new alert when a volunteer comes back and goes quiet again", async () => {
    await logHours("quiet", "2026-03-01");
    const later = new Date("2026-04-20T09:00:00Z");
    expect(await raiseAtRiskAlerts(database.db, organisationId, later)).toBe(2);
    const spells = await rows(
      "SELECT quiet_since::text FROM vol_at_risk_alert WHERE volunteer_id = $1 ORDER BY quiet_since",
      [ids.quiet],
    );
    expect(spells.map((row) => row.quiet_since)).toEqual(["2026-01-10", "2026-03-01"]);
  });

  it("uses the organisation's chosen number of weeks, and tells managers when no coordinator is known", async () => {
    const bad = await manager.post("/volunteering/at-risk/weeks", { weeks: "0" });
    await expectRefused(bad, 'href="#setting-weeks"');
    expect((await manager.post("/volunteering/at-risk/weeks", { weeks: "12" })).status).toBe(303);
    await expect(setAtRiskWeeks(database.db, coordinator, now, { weeks: "3" })).rejects.toMatchObject({
      status: 403,
    });
    await database.query("DELETE FROM vol_at_risk_alert");
    // Placed before Kith recorded who placed them: the managers hear instead.
    await database.query("UPDATE vol_application SET placed_by = NULL");
    // 12 weeks before 2026-04-01 is 2026-01-07: only the volunteer never logged since 5 January is quiet that long.
    expect(await raiseAtRiskAlerts(database.db, organisationId, new Date("2026-04-01T09:00:00Z"))).toBe(1);
    const [alert] = await rows("SELECT volunteer_id, weeks FROM vol_at_risk_alert");
    expect(alert).toEqual({ volunteer_id: ids.never, weeks: 12 });
    const [mail] = await rows("SELECT recipient, body FROM outbound_message WHERE recipient = $1", [
      managerEmail,
    ]);
    expect(String(mail?.body)).toContain(
      "never Picker has logged no hours since 5 January 2026 (12 weeks or more)",
    );
  });
});

describe("the session hours form", () => {
  it("shows errors about the whole session beside the boxes, and each person's beside their box", async () => {
    const session = await addSession(
      database.db,
      coordinator,
      placedOn,
      ids.role ?? "",
      new Date("2026-02-28T10:00:00Z"),
      new Date("2026-02-28T12:00:00Z"),
    );
    const empty = await officer.post(`/volunteering/sessions/${session.id}/hours`, {});
    await expectRefused(
      empty,
      'href="#hours"',
      '<p id="hours-error" class="govuk-error-message">',
      'aria-describedby="hours-hint hours-error"',
    );
    const wrong = await officer.post(`/volunteering/sessions/${session.id}/hours`, {
      [`hours-${ids.quiet}`]: "25",
      [`hours-${ids.active}`]: "2",
    });
    await expectRefused(wrong, `id="hours-${ids.quiet}-error"`, "A day has only 24 hours", `value="2"`);
    expect(await rows("SELECT 1 FROM vol_hours WHERE session_id = $1", [session.id])).toHaveLength(0);
  });
});
