import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createTheme, getProject } from "../../investment/index.ts";
import { createHome } from "../../places/index.ts";
import { fundedProjectsOf } from "../queries/funded-projects.ts";
import { getResults } from "../queries/results.ts";
import { processForm } from "../test-support.ts";
import { createProcess } from "./create-process.ts";
import { createInvestmentProjects } from "./fund-winners.ts";
import { importPabulib } from "./pabulib-import.ts";

// Three ideas, a budget of 100: greedy funds P2 (3 votes, 60) then P1 (2 votes, 40); P3 does not fit.
const election = [
  "META",
  "key;value",
  "budget;100",
  "currency;GBP",
  "PROJECTS",
  "project_id;cost;name;category",
  "P1;40;Community garden;Green spaces and environment",
  "P2;60;Youth club kit;Play and young people",
  "P3;50;Bench;Other",
  "VOTES",
  "voter_id;vote",
  "1;P1,P2",
  "2;P2",
  "3;P2,P1",
  "4;P3",
].join("\n");

describe("funded proposals become community investment projects", () => {
  let database: Database;
  let orgId: string;
  let processId: string;
  const officer = () => actorFor(orgId, "officer");

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    for (const [code, name] of [
      ["wellbeing", "Health and wellbeing"],
      ["young-people", "Children and young people"],
      ["green", "Greener places"],
    ])
      await createTheme(database.db, actorFor(orgId, "manager"), testNow, { code, name });
    await createHome(database, officer(), testNow, {
      uprn: "100000000001",
      addressLine1: "1 Hop Garden Way",
      town: "Chatham",
      postcode: "ME4 5AB",
      tenure: "social-rent",
      laCode: "E06000035",
    });
    processId = (await importPabulib(database.db, officer(), testNow, election, { rule: "greedy" }))
      .processId;
  });
  afterAll(async () => database.close());

  it("creates one project per winner with its theme, area, budget and a link back to the results", async () => {
    const made = await createInvestmentProjects(database.db, officer(), testNow, processId);
    expect(made).toEqual({ created: 2, alreadyLinked: 0 });
    const results = await getResults(database.db, orgId, processId);
    const byRef = new Map(results.budgets[0].proposals.map((p) => [p.reference, p]));
    const links = await fundedProjectsOf(database.db, orgId, processId);
    expect([...links.keys()].sort()).toEqual([byRef.get("P1")?.id, byRef.get("P2")?.id].sort());

    const youth = await getProject(database.db, officer(), links.get(byRef.get("P2")?.id ?? "") ?? "");
    expect(youth.name).toBe("Youth club kit");
    expect(youth.stage).toBe("pipeline");
    expect(youth.lifeRole).toBe("lead");
    expect(youth.summary).toContain(`/pb/${orgId}/${processId}/results`);
    expect(youth.themes.map((t) => t.code)).toEqual(["young-people"]);
    expect(youth.areas.map((a) => a.laCode)).toEqual(["E06000035"]);
    expect(youth.funding.map((f) => f.amountPence)).toEqual([6000]);

    const garden = await getProject(database.db, officer(), links.get(byRef.get("P1")?.id ?? "") ?? "");
    expect(garden.themes.map((t) => t.code)).toEqual(["green"]);
  });

  it("never creates a project twice for the same winner", async () => {
    expect(await createInvestmentProjects(database.db, officer(), testNow, processId)).toEqual({
      created: 0,
      alreadyLinked: 2,
    });
    const [{ n }] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM project WHERE organisation_id = $1",
      [orgId],
    );
    expect(n).toBe(2);
  });

  it("refuses unpublished results, read-only staff and other organisations", async () => {
    const open = await createProcess(
      database.db,
      officer(),
      testNow,
      processForm({ title: "Still open", summary: "Not counted yet", budget1Amount: "£1,000" }),
    );
    await expect(createInvestmentProjects(database.db, officer(), testNow, open.id)).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      createInvestmentProjects(database.db, actorFor(orgId, "read-only"), testNow, processId),
    ).rejects.toMatchObject({ status: 403 });
    const other = (await makeOrganisation(database.db, "Other Homes")).id;
    await expect(
      createInvestmentProjects(database.db, actorFor(other, "officer"), testNow, processId),
    ).rejects.toMatchObject({ status: 404 });
  });
});
