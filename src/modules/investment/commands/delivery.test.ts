import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { getProject, listProjects } from "../queries/portfolio.ts";
import { makeSocialConnectionStrategy } from "../testing/projects.ts";
import { createProject } from "./create-project.ts";
import { recordOutcome } from "./record-outcome.ts";
import { recordAttendance, recordSession } from "./record-session.ts";
import { registerParticipant } from "./register-participant.ts";

let database: Database;
let manager: Actor;
let officer: Actor;
let otherOfficer: Actor;
let templateId: string;

const baseProject = {
  name: "Lunch club",
  kind: "service" as const,
  stage: "active" as const,
  themeCodes: ["wellbeing"],
  areas: [{ laCode: "E06000035" }],
  need: "yes" as const,
  bestPlaced: "yes" as const,
  canResource: "partly" as const,
};

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  const other = await makeOrganisation(database.db, "Other Homes");
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer");
  otherOfficer = actorFor(other.id, "officer");
  templateId = await makeSocialConnectionStrategy(database.db, manager, testNow, {
    outcomeName: "Residents are less isolated",
    targets: [{ period: "2026/27", baseline: 40, target: 60 }],
  });
});
afterAll(async () => database.close());

describe("projects", () => {
  it("creates a project from a theory-of-change template with its LIFE role, budget and steering group", async () => {
    const { id } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      changeTemplateId: templateId,
      funding: [
        { source: "Our community fund", kind: "internal", amountPence: 500_000, year: 2026 },
        { source: "National Lottery", kind: "external", amountPence: 1_500_000, year: 2026 },
      ],
      steering: [{ name: "Pat Local", role: "Chair", localPerson: true }],
    });
    const detail = await getProject(database.db, officer, id);
    expect(detail.lifeRole).toBe("influence");
    expect(detail.tocActivities).toBe("Weekly lunch club");
    expect(detail.indicatorCodes).toEqual(["W1"]);
    expect(detail.funding.map((f) => f.kind).sort()).toEqual(["external", "internal"]);
    expect(detail.steering[0].localPerson).toBe(true);
    const { stageCounts } = await listProjects(database.db, officer);
    expect(stageCounts.active).toBeGreaterThanOrEqual(1);
  });

  it("refuses a project with no theory of change and names the field", async () => {
    const problem = await problemOf(createProject(database.db, officer, testNow, baseProject));
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.theoryOfChange).toMatch(/theory of change/);
  });

  it("refuses an unknown local authority without saving anything", async () => {
    const before = (await listProjects(database.db, officer)).projects.length;
    const problem = await problemOf(
      createProject(database.db, officer, testNow, {
        ...baseProject,
        name: "Ghost",
        changeTemplateId: templateId,
        areas: [{ laCode: "E06000999" }],
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.areas).toBeDefined();
    expect((await listProjects(database.db, officer)).projects.length).toBe(before);
  });

  it("hides a project from another organisation as not found", async () => {
    const { id } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Private",
      changeTemplateId: templateId,
    });
    const problem = await problemOf(getProject(database.db, otherOfficer, id));
    expect(problem.status).toBe(404);
  });
});

describe("sessions, attendance and outcomes", () => {
  it("records a session and its attendance in bulk, and refuses attendance for a future session", async () => {
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Youth club",
      changeTemplateId: templateId,
    });
    const people = [];
    for (let i = 0; i < 30; i++) {
      people.push(
        (
          await registerParticipant(database.db, officer, testNow, {
            externalRef: `ext-${i}`,
            displayName: `Person ${i}`,
            tenant: i % 2 === 0,
            laCode: "E06000035",
          })
        ).id,
      );
    }
    const again = await registerParticipant(database.db, officer, testNow, {
      externalRef: "ext-0",
      displayName: "Person 0",
    });
    expect(again).toEqual({ id: people[0], created: false });

    const past = await recordSession(database.db, officer, testNow, {
      projectId,
      title: "Tuesday club",
      heldOn: "2026-06-09",
      durationMinutes: 120,
      depth: "light",
      laCode: "E06000035",
    });
    const result = await recordAttendance(database.db, officer, testNow, past.id, {
      attendees: people.map((participantId) => ({ participantId })),
    });
    expect(result.recorded).toBe(30);

    const future = await recordSession(database.db, officer, testNow, {
      projectId,
      title: "Next week",
      heldOn: "2026-06-20",
      durationMinutes: 60,
      depth: "light",
      laCode: "E06000035",
    });
    const problem = await problemOf(
      recordAttendance(database.db, officer, testNow, future.id, {
        attendees: [{ participantId: people[0] }],
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.attendees).toMatch(/future/);

    const otherOrg = await problemOf(
      recordAttendance(database.db, otherOfficer, testNow, past.id, {
        attendees: [{ participantId: people[0] }],
      }),
    );
    expect(otherOrg.status).toBe(404);
  });

  it("refuses an outcome without a participant", async () => {
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Money advice",
      changeTemplateId: templateId,
    });
    const problem = await problemOf(
      recordOutcome(database.db, officer, testNow, {
        participantId: "",
        projectId,
        achievedOn: "2026-06-01",
        evidence: "Survey",
      } as never),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.participantId).toMatch(/participant/);
  });

  it("creates the configured 6 and 12 month follow-ups", async () => {
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Job club",
      changeTemplateId: templateId,
      followUpMonths: [12, 6],
    });
    const { id: participantId } = await registerParticipant(database.db, officer, testNow, {
      externalRef: "job-1",
      displayName: "Sam",
    });
    const outcome = await recordOutcome(database.db, officer, testNow, {
      participantId,
      projectId,
      achievedOn: "2026-01-31",
      evidence: "Payslip seen",
      distanceBefore: 3,
      distanceAfter: 8,
    });
    expect(outcome.followUps).toEqual(["2026-07-31", "2027-01-31"]);
  });
});

describe("participant lists", () => {
  it("lists participants by name, and a project's regulars first for its register", async () => {
    const { findParticipants } = await import("../queries/delivery.ts");
    const byName = await findParticipants(database.db, officer, testNow, { limit: 5 });
    expect(byName.map((p) => p.displayName)).toEqual(
      [...byName.map((p) => p.displayName)].sort((a, b) => a.localeCompare(b)),
    );
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Regulars",
      changeTemplateId: templateId,
    });
    const { id: regular } = await registerParticipant(database.db, officer, testNow, {
      externalRef: "zz-regular",
      displayName: "Zoe Zed",
    });
    const session = await recordSession(database.db, officer, testNow, {
      projectId,
      title: "S",
      heldOn: "2026-06-01",
      durationMinutes: 60,
      depth: "light",
      laCode: "E06000035",
    });
    await recordAttendance(database.db, officer, testNow, session.id, {
      attendees: [{ participantId: regular }],
    });
    const forRegister = await findParticipants(database.db, officer, testNow, { limit: 5, projectId });
    expect(forRegister[0].id).toBe(regular);
    await expect(
      findParticipants(database.db, actorFor(manager.organisationId, "read-only"), testNow),
    ).rejects.toThrow(Problem);
  });
});

describe("evidence files", () => {
  it("keeps a story's file with the outcome, lists it and gives it back; refuses a file type it cannot keep safely", async () => {
    const { getOutcomeFile, listOutcomeFiles } = await import("../queries/outcome-files.ts");
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Evidence",
      changeTemplateId: templateId,
    });
    const { id: participantId } = await registerParticipant(database.db, officer, testNow, {
      externalRef: "ev-1",
      displayName: "Eve",
    });
    const content = new TextEncoder().encode("Certificate of completion");
    const { id } = await recordOutcome(
      database.db,
      officer,
      testNow,
      { participantId, projectId, achievedOn: "2026-06-01", evidence: "Certificate", story: "I did it" },
      { files: [{ fileName: "certificate.txt", contentType: "text/plain", content }] },
    );
    const files = await listOutcomeFiles(database.db, officer, participantId);
    expect(files).toEqual([{ id: expect.any(String), outcomeId: id, fileName: "certificate.txt" }]);
    const file = await getOutcomeFile(database.db, officer, testNow, files[0].id);
    expect(new TextDecoder().decode(file.content)).toBe("Certificate of completion");
    const refused = await problemOf(
      recordOutcome(
        database.db,
        officer,
        testNow,
        { participantId, projectId, achievedOn: "2026-06-01", evidence: "x" },
        { files: [{ fileName: "run.html", contentType: "text/html", content }] },
      ),
    );
    expect(refused.fieldErrors?.files).toMatch(/run.html must be a PDF/);
    expect((await problemOf(getOutcomeFile(database.db, otherOfficer, testNow, files[0].id))).status).toBe(
      404,
    );
  });
});

describe("follow-ups", () => {
  it("lists follow-ups due, records one, and refuses a rating out of range", async () => {
    const { listDueFollowUps } = await import("../queries/follow-ups.ts");
    const { completeFollowUp } = await import("./record-outcome.ts");
    const { id: projectId } = await createProject(database.db, officer, testNow, {
      ...baseProject,
      name: "Follow",
      changeTemplateId: templateId,
      followUpMonths: [6],
    });
    const { id: participantId } = await registerParticipant(database.db, officer, testNow, {
      externalRef: "fu-1",
      displayName: "Fay",
    });
    const { id } = await recordOutcome(database.db, officer, testNow, {
      participantId,
      projectId,
      achievedOn: "2025-11-01",
      evidence: "Survey",
    });
    const due = await listDueFollowUps(database.db, officer, testNow, "2026-07-15");
    expect(due.find((f) => f.outcomeId === id)).toMatchObject({
      months: 6,
      dueOn: "2026-05-01",
      participantName: "Fay",
    });
    const bad = await problemOf(
      completeFollowUp(database.db, officer, testNow, id, 6, {
        completedOn: "2026-05-03",
        sustained: true,
        distanceRating: 11,
      }),
    );
    expect(bad.fieldErrors?.distanceRating).toBe("Distance travelled must be between 1 and 10");
    expect(
      (await problemOf(completeFollowUp(database.db, officer, testNow, id, Number.NaN, {}))).status,
    ).toBe(404);
    await completeFollowUp(database.db, officer, testNow, id, 6, {
      completedOn: "2026-05-03",
      sustained: true,
      distanceRating: 8,
    });
    expect(
      (await listDueFollowUps(database.db, officer, testNow, "2026-07-15")).some((f) => f.outcomeId === id),
    ).toBe(false);
  });
});
