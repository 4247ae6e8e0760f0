import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, makeOrganisation, problemOf } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Organisation } from "../../platform/access/organisations.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { createPerson } from "../people/index.ts";
import { browserFor, signedIn } from "../volunteering/test-app.ts";
import {
  addQuestion,
  createConsultation,
  recordYouSaidWeDid,
  setConsultationStatus,
  submitResponse,
} from "./commands/consultations.ts";
import { createInvolvementOpportunity, recordParticipation } from "./commands/involvement.ts";
import { consultationResults, getInvolvement, listYouSaidWeDid } from "./queries/engagement.ts";
import { juneConsultation, openEngagementFixture, panelAndTenant } from "./testing/fixtures.ts";

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let app: Hono<AppEnv>;
let officer: Actor;
let outsider: Actor;
let organisationId: string;
let slug: string;

beforeAll(async () => {
  let organisation: Organisation;
  ({ database, organisation, officer, app } = await openEngagementFixture());
  organisationId = organisation.id;
  slug = organisation.slug;
  outsider = actorFor((await makeOrganisation(database.db, "Other Homes")).id, "officer");
});
afterAll(async () => database.close());

describe("consultations", () => {
  it("needs real choices and at least one question before opening", async () => {
    const draft = await juneConsultation(database.db, officer, "Bins", "Bin stores");
    expect(
      (
        await problemOf(
          addQuestion(database.db, officer, now, draft.id, {
            kind: "single-choice",
            text: "Which?",
            options: "Only one",
          }),
        )
      ).fieldErrors?.options,
    ).toMatch(/between 2 and 12/);
    expect((await problemOf(setConsultationStatus(database.db, officer, now, draft.id, "open"))).status).toBe(
      422,
    );
    expect(
      (
        await problemOf(
          createConsultation(database.db, officer, now, {
            title: "X",
            description: "Y",
            opensOn: "2026-06-30",
            closesOn: "2026-06-01",
          }),
        )
      ).fieldErrors?.closesOn,
    ).toBeTruthy();
    expect(
      (await problemOf(setConsultationStatus(database.db, outsider, now, draft.id, "open"))).status,
    ).toBe(404);
  });

  it("takes anonymous answers one question per page, refuses bad ones, and counts them in the results", async () => {
    const survey = await juneConsultation(database.db, officer, "Repairs", "How are repairs?");
    const choice = await addQuestion(database.db, officer, now, survey.id, {
      kind: "single-choice",
      text: "How do you report repairs?",
      options: "Phone\nOnline",
      required: "yes",
    });
    const rating = await addQuestion(database.db, officer, now, survey.id, {
      kind: "rating",
      text: "Rate repairs",
      required: "no",
    });
    await setConsultationStatus(database.db, officer, now, survey.id, "open");
    expect(
      (
        await problemOf(
          addQuestion(database.db, officer, now, survey.id, { kind: "free-text", text: "Late" }),
        )
      ).status,
    ).toBe(409);

    const bad = await problemOf(
      submitResponse(database.db, organisationId, now, survey.id, {
        [choice.id]: "Carrier pigeon",
        [rating.id]: "9",
      }),
    );
    expect(bad.fieldErrors).toEqual({
      [`q-${choice.id}`]: "Select one of the answers",
      [`q-${rating.id}`]: "Select a rating from 1 to 5",
    });

    const visitor = browserFor(app, null);
    const path = `/have-your-say/${slug}/${survey.id}`;
    expect(await (await visitor.get(path)).text()).toContain("How do you report repairs?");
    const missing = await visitor.post(path, { step: choice.id });
    await expectRefused(missing, "Select an answer");
    expect(
      await (await visitor.post(path, { step: choice.id, [`q-${choice.id}`]: "Online" })).text(),
    ).toContain("Rate repairs");
    expect(
      await (
        await visitor.post(path, { step: rating.id, [`q-${choice.id}`]: "Online", [`q-${rating.id}`]: "4" })
      ).text(),
    ).toContain("Send your answers");
    const sent = await visitor.post(path, {
      step: "send",
      [`q-${choice.id}`]: "Online",
      [`q-${rating.id}`]: "4",
    });
    expect(sent.status).toBe(303);
    await submitResponse(database.db, organisationId, now, survey.id, {
      [choice.id]: "Phone",
      [rating.id]: "2",
    });
    await submitResponse(database.db, organisationId, now, survey.id, { [choice.id]: "Online" });

    const results = await consultationResults(database.db, officer, survey.id);
    expect(results.responses).toBe(3);
    expect(results.results[0]?.counts).toEqual([
      { label: "Phone", count: 1 },
      { label: "Online", count: 2 },
    ]);
    expect(results.results[1]?.average).toBe(3);
    expect(results.results[1]?.answered).toBe(2);

    const staff = (await signedIn(app, database, organisationId, "officer", now)).browser;
    const page = await (await staff.get(`/engagement/consultations/${survey.id}`)).text();
    expect(page).toContain("average 3.0 out of 5");
    expect(page).toContain("<svg");

    await setConsultationStatus(database.db, officer, now, survey.id, "closed");
    expect((await visitor.get(path)).status).toBe(404);
  });
});

describe("involvement and You said, we did", () => {
  it("records a resident on a panel, and refuses another organisation's person", async () => {
    const { panel, person } = await panelAndTenant(
      database.db,
      officer,
      "Scrutiny panel",
      "Reviews services",
    );
    await recordParticipation(database.db, officer, now, panel.id, {
      personId: person.id,
      role: "Chair",
      startedOn: "2026-04-01",
    });
    const { participants } = await getInvolvement(database.db, officer, now, panel.id);
    expect(participants.map((p) => [p.name, p.role])).toEqual([["Rita Okoro", "Chair"]]);
    const stranger = await createPerson(database.db, outsider, now, {
      givenName: "Sam",
      familyName: "Elsewhere",
      personType: "tenant",
    });
    expect(
      (
        await problemOf(
          recordParticipation(database.db, officer, now, panel.id, {
            personId: stranger.id,
            startedOn: "2026-04-01",
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await problemOf(
          createInvolvementOpportunity(database.db, actorFor(organisationId, "tenant"), now, {
            kind: "scrutiny-panel",
            title: "x",
            description: "y",
          }),
        )
      ).status,
    ).toBe(403);
  });

  it("publishes responses to feedback on their date, not before", async () => {
    await recordYouSaidWeDid(database.db, officer, now, {
      youSaid: "Bins overflow",
      weDid: "Weekly collections",
      publishedOn: "2026-06-01",
    });
    await recordYouSaidWeDid(database.db, officer, now, {
      youSaid: "Later",
      weDid: "Not yet",
      publishedOn: "2026-07-01",
    });
    const shown = await listYouSaidWeDid(database.db, organisationId, now);
    expect(shown.map((r) => r.youSaid)).toEqual(["Bins overflow"]);
    const page = await (await browserFor(app, null).get(`/have-your-say/${slug}`)).text();
    expect(page).toContain("Weekly collections");
    expect(page).not.toContain("Not yet");
  });
});
