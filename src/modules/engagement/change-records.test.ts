import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, makeOrganisation } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { type Browser, signedIn } from "../volunteering/test-app.ts";
import { updateQuestion } from "./commands/change-records.ts";
import { addQuestion, setConsultationStatus, submitResponse } from "./commands/consultations.ts";
import { recordParticipation } from "./commands/involvement.ts";
import { juneConsultation, openEngagementFixture, panelAndTenant } from "./testing/fixtures.ts";

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let app: Hono<AppEnv>;
let officer: Actor;
let organisationId: string;
let staff: Browser;
let outsider: Browser;
let board: Browser;

const rows = async (sql: string, params: unknown[] = []) =>
  database.query<Record<string, unknown>>(sql, params);

beforeAll(async () => {
  ({ database, officer, app } = await openEngagementFixture());
  organisationId = officer.organisationId;
  staff = (await signedIn(app, database, organisationId, "officer", now)).browser;
  board = (await signedIn(app, database, organisationId, "read-only", now)).browser;
  outsider = (
    await signedIn(app, database, (await makeOrganisation(database.db, "Other")).id, "officer", now)
  ).browser;
});
afterAll(async () => database.close());

describe("changing a participation", () => {
  it("corrects the role and ends a participation, with errors beside the fields and an audit entry", async () => {
    const { panel, person } = await panelAndTenant(
      database.db,
      officer,
      "Repairs scrutiny panel",
      "Reviews repairs",
    );
    const joined = await recordParticipation(database.db, officer, now, panel.id, {
      personId: person.id,
      startedOn: "2026-01-10",
    });
    const listing = await (await staff.get(`/engagement/involvement/${panel.id}`)).text();
    expect(listing).toContain(`/engagement/participation/${joined.id}/edit`);
    const form = await staff.get(`/engagement/participation/${joined.id}/edit`);
    expect(await form.text()).toContain('value="2026-01-10"');

    const wrong = await staff.post(`/engagement/participation/${joined.id}/edit`, {
      role: "Chair",
      startedOn: "2026-01-10",
      endedOn: "2025-12-01",
    });
    await expectRefused(wrong, 'href="#endedOn"', 'id="endedOn-error"', 'value="Chair"');
    const future = await staff.post(`/engagement/participation/${joined.id}/edit`, {
      startedOn: "2026-01-10",
      endedOn: "2027-01-01",
    });
    expect(future.status).toBe(422);

    const saved = await staff.post(`/engagement/participation/${joined.id}/edit`, {
      role: "Chair",
      startedOn: "2026-01-10",
      endedOn: "2026-06-01",
    });
    expect(saved.status).toBe(303);
    const [after] = await rows("SELECT role, ended_on::text FROM involvement_participation WHERE id = $1", [
      joined.id,
    ]);
    expect(after).toEqual({ role: "Chair", ended_on: "2026-06-01" });
    const [audit] = await rows(
      "SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'update'",
      [joined.id],
    );
    expect(audit?.before).toMatchObject({ role: null, endedOn: null });
    expect(audit?.after).toMatchObject({ role: "Chair", endedOn: "2026-06-01" });

    expect((await outsider.get(`/engagement/participation/${joined.id}/edit`)).status).toBe(404);
    expect(
      (await board.post(`/engagement/participation/${joined.id}/edit`, { startedOn: "2026-01-01" })).status,
    ).toBe(403);
  });
});

describe("changing consultation questions", () => {
  it("rewords a question until the first response, then refuses", async () => {
    const survey = await juneConsultation(database.db, officer, "Repairs survey", "How are repairs?");
    const question = await addQuestion(database.db, officer, now, survey.id, {
      kind: "single-choice",
      text: "How do you report repairs?",
      options: "Phone\nOnline",
    });
    const tooFew = await staff.post(`/engagement/questions/${question.id}/edit`, {
      kind: "single-choice",
      text: "How do you usually report repairs?",
      options: "Phone",
    });
    await expectRefused(tooFew, 'href="#options"');
    const saved = await staff.post(`/engagement/questions/${question.id}/edit`, {
      kind: "single-choice",
      text: "How do you usually report repairs?",
      options: "Phone\nOnline\nIn person",
      required: "yes",
    });
    expect(saved.status).toBe(303);
    const [after] = await rows("SELECT text, options, required FROM consultation_question WHERE id = $1", [
      question.id,
    ]);
    expect(after).toEqual({
      text: "How do you usually report repairs?",
      options: ["Phone", "Online", "In person"],
      required: true,
    });
    expect(
      await rows("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'update'", [question.id]),
    ).toHaveLength(1);

    await setConsultationStatus(database.db, officer, now, survey.id, "open");
    await submitResponse(database.db, organisationId, now, survey.id, { [question.id]: "Online" });
    const refused = await staff.post(`/engagement/questions/${question.id}/edit`, {
      kind: "single-choice",
      text: "Changed after answers",
      options: "A\nB",
    });
    await expectRefused(refused, "the consultation has responses");
    const [unchanged] = await rows("SELECT text FROM consultation_question WHERE id = $1", [question.id]);
    expect(unchanged?.text).toBe("How do you usually report repairs?");
    const shown = await (await staff.get(`/engagement/questions/${question.id}/edit`)).text();
    expect(shown).toContain("cannot change");
    expect(shown).not.toContain('name="text"');
    await expect(
      updateQuestion(database.db, actorFor(organisationId, "read-only"), now, question.id, {}),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("consultation results CSV", () => {
  it("writes one row per answer with hand-counted totals, neutralising formulas", async () => {
    const survey = await juneConsultation(database.db, officer, "Estate survey", "Your estate");
    const choice = await addQuestion(database.db, officer, now, survey.id, {
      kind: "single-choice",
      text: "Best day, for you?",
      options: "Saturday\nSunday",
    });
    const rating = await addQuestion(database.db, officer, now, survey.id, {
      kind: "rating",
      text: "Rate cleaning",
    });
    const comment = await addQuestion(database.db, officer, now, survey.id, {
      kind: "free-text",
      text: "Anything else",
    });
    await setConsultationStatus(database.db, officer, now, survey.id, "open");
    await submitResponse(database.db, organisationId, now, survey.id, {
      [choice.id]: "Sunday",
      [rating.id]: "4",
    });
    await submitResponse(database.db, organisationId, now, survey.id, {
      [choice.id]: "Sunday",
      [rating.id]: "1",
    });
    await submitResponse(database.db, organisationId, now, survey.id, {
      [choice.id]: "Saturday",
      [comment.id]: '=HYPERLINK("x")',
    });
    const response = await staff.get(`/engagement/consultations/${survey.id}/results.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"# Estate survey: 3 responses, 2026-06-01 to 2026-06-30"');
    expect(lines[1]).toBe("Question number,Question,Kind,Answer,Count,Answered,Average rating");
    expect(lines).toContain('1,"Best day, for you?",single-choice,Saturday,1,3,');
    expect(lines).toContain('1,"Best day, for you?",single-choice,Sunday,2,3,');
    expect(lines).toContain("2,Rate cleaning,rating,4 out of 5,1,2,2.5");
    expect(lines).toContain("2,Rate cleaning,rating,1 out of 5,1,2,2.5");
    expect(lines).toContain("2,Rate cleaning,rating,3 out of 5,0,2,2.5");
    expect(lines).toContain(`3,Anything else,free-text,"'=HYPERLINK(""x"")",1,1,`);
    expect(lines).toHaveLength(2 + 2 + 5 + 1);
    expect((await outsider.get(`/engagement/consultations/${survey.id}/results.csv`)).status).toBe(404);
  });
});
