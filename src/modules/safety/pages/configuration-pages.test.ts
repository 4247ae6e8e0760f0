import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { saveWorkflowStatuses } from "../commands/configuration.ts";
import { openCase } from "../commands/open-case.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { getSafetySettings } from "../domain/settings.ts";
import { makeHomes, medway, signedInSafetyStaff } from "../testing/fixtures.ts";

// Settings pages and API (managers), and the intake form's related-case check, over HTTP without JavaScript.

let database: Database;
let organisationId: string;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let manager: TestBrowser;
let officer: TestBrowser;
let managerToken: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  await makeHomes(database, organisationId, medway, 3, 8800, "Osprey House");
  ({ app, manager, officer, managerToken } = await signedInSafetyStaff(database, organisationId));
});

afterAll(async () => {
  await database.close();
});

describe("community safety settings pages", () => {
  it("lets a manager change thresholds and action target days, and re-shows bad numbers with their errors", async () => {
    const token = await manager.csrfToken("/safety/settings/thresholds");
    const form = Object.fromEntries(
      [
        ...(await (await manager.get("/safety/settings/thresholds")).text()).matchAll(
          /<input class="govuk-input[^"]*" id="([^"]+)" name="\1" type="text" value="([^"]*)"/g,
        ),
      ].map((m) => [m[1] as string, m[2] as string]),
    );
    expect(form.triggerMinReports).toBe("3");
    expect(form["action-advice"]).toBe("5");
    const bad = await manager.post(
      "/safety/settings/thresholds",
      { ...form, triggerMinReports: "lots", "action-advice": "0" },
      { csrf: token },
    );
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain("Enter the number of qualifying complaints as a whole number");
    expect(badPage).toContain("The target in days must be at least 1");
    expect((await getSafetySettings(database.db, organisationId)).triggerMinReports).toBe(3);
    const good = await manager.post(
      "/safety/settings/thresholds",
      { ...form, triggerMinReports: "4", "action-advice": "3" },
      { csrf: token },
    );
    expect(good.status).toBe(303);
    const settings = await getSafetySettings(database.db, organisationId);
    expect(settings.triggerMinReports).toBe(4);
    expect(settings.actionTargetDays.advice).toBe(3);
  });

  it("adds and retires a category and renames a workflow status through forms", async () => {
    const token = await manager.csrfToken("/safety/settings/categories/new");
    const missing = await manager.post("/safety/settings/categories/new", { name: "" }, { csrf: token });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Enter the category&#39;s name");
    const added = await manager.post(
      "/safety/settings/categories/new",
      {
        name: "Nuisance parking",
        workflow: "estate",
        nsirType: "nuisance",
        countsAsAsb: "no",
        subCategories: "Blocking access\nAbandoned vehicle",
      },
      { csrf: token },
    );
    expect(added.status).toBe(303);
    const retired = await manager.post(
      "/safety/settings/categories/nuisance-parking",
      {
        name: "Nuisance parking",
        workflow: "estate",
        nsirType: "nuisance",
        countsAsAsb: "no",
        subCategories: "",
        retired: "yes",
      },
      { csrf: token },
    );
    expect(retired.status).toBe(303);
    const overview = await (await manager.get("/safety/settings")).text();
    expect(overview).toContain("Nuisance parking");
    expect(overview).toContain("Retired");
    // A retired category is not offered on the intake form.
    expect(await (await officer.get("/safety/cases/new")).text()).not.toContain("Nuisance parking");

    const workflowPage = await (await manager.get("/safety/settings/workflows/estate")).text();
    const fields = Object.fromEntries(
      [...workflowPage.matchAll(/name="((?:code|name|targetDays)-\d+|count)"[^>]*value="([^"]*)"/g)].map(
        (m) => [m[1] as string, m[2] as string],
      ),
    );
    expect(fields["code-0"]).toBe("open");
    const saved = await manager.post(
      "/safety/settings/workflows/estate",
      { ...fields, "name-0": "Logged", "targetDays-0": "1", newName: "Awaiting council", newTargetDays: "9" },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    const statuses = (await loadSafetyConfiguration(database.db, organisationId)).statuses.estate;
    expect(statuses[0]).toEqual({ code: "open", name: "Logged", targetDays: 1 });
    expect(statuses.at(-2)).toEqual({ code: "awaiting-council", name: "Awaiting council", targetDays: 9 });
    expect(statuses.at(-1)?.code).toBe("closed");
    const badDays = await manager.post(
      "/safety/settings/workflows/estate",
      { ...fields, "targetDays-1": "a week" },
      { csrf: token },
    );
    expect(badDays.status).toBe(422);
    expect(await badDays.text()).toContain("Enter the target as a whole number of days");
  });

  it("keeps settings for managers: an officer is refused", async () => {
    expect((await officer.get("/safety/settings")).status).toBe(403);
    const token = await officer.csrfToken("/safety/cases/new");
    const refused = await officer.post(
      "/safety/settings/thresholds",
      { triggerMinReports: "9" },
      { csrf: token },
    );
    expect(refused.status).toBe(403);
    expect((await getSafetySettings(database.db, organisationId)).triggerMinReports).toBe(4);
  });

  it("reads and changes configuration through the API", async () => {
    const headers = { authorization: `Bearer ${managerToken}`, "content-type": "application/json" };
    const read = await app.request("/api/v1/safety/configuration", { headers });
    expect(read.status).toBe(200);
    const body = (await read.json()) as {
      categories: { code: string }[];
      settings: { triggerMinReports: number };
    };
    expect(body.categories.map((c) => c.code)).toContain("nuisance-parking");
    expect(body.settings.triggerMinReports).toBe(4);
    const created = await app.request("/api/v1/safety/categories", {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "Car cruising",
        workflow: "asb",
        nsirType: "nuisance",
        countsAsAsb: true,
      }),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ code: "car-cruising" });
    const bad = await app.request("/api/v1/safety/workflows/asb/statuses", {
      method: "PUT",
      headers,
      body: JSON.stringify([{ code: "closed", name: "Closed", targetDays: null }]),
    });
    expect(bad.status).toBe(422);
  });
});

describe("related open cases on the officer's intake form", () => {
  it("shows open cases at the same block and with the same people before saving, and saves once seen", async () => {
    const existing = await openNoiseCase("8800", "Music", "2026-06-01", {
      role: "alleged-perpetrator",
      name: "Dan Price",
    });
    const token = await officer.csrfToken("/safety/cases/new");
    const form = {
      category: "harassment",
      locationType: "open-space",
      locationDescription: "Car park",
      summary: "Threats in the car park",
      "openedOn-day": "12",
      "openedOn-month": "6",
      "openedOn-year": "2026",
      complainantName: "Eve Ward",
      perpetratorName: "dan price",
    };
    const checked = await officer.post("/safety/cases/new", { ...form, intent: "check" }, { csrf: token });
    expect(checked.status).toBe(200);
    const page = await checked.text();
    expect(page).toContain(existing.reference);
    expect(page).toContain("same people");
    const countCases = async () =>
      (
        await database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM safety_case WHERE organisation_id = $1",
          [organisationId],
        )
      )[0]?.n;
    expect(await countCases()).toBe(1);
    // Changing who is involved runs the check again; an unchanged form saves.
    const relatedSeen = /name="relatedSeen" value="([^"]*)"/.exec(page)?.[1] ?? "";
    const byBlock = await officer.post(
      "/safety/cases/new",
      { ...form, perpetratorName: "", locationType: "block", uprn: "8801", relatedSeen },
      { csrf: token },
    );
    expect(byBlock.status).toBe(200);
    expect(await byBlock.text()).toContain("same block");
    expect(await countCases()).toBe(1);
    const saved = await officer.post("/safety/cases/new", { ...form, relatedSeen }, { csrf: token });
    expect(saved.status).toBe(303);
    expect(await countCases()).toBe(2);
  });
});

describe("the categories and statuses the case pages show", () => {
  it("shows a renamed category and status at once, although the pages keep them for a few seconds", async () => {
    const opened = await openNoiseCase("8802", "Drumming", "2026-06-02", {
      role: "complainant",
      name: "Ann Lowe",
    });
    const casePage = async () => (await officer.get(`/safety/cases/${opened.id}`)).text();
    const listPage = async () => (await officer.get("/safety?state=open")).text();
    // Seen once, so both pages now hold the organisation's configuration.
    expect(await casePage()).toContain("Open: assessing");
    expect(await listPage()).toContain("Noise");

    const token = await manager.csrfToken("/safety/settings/categories/new");
    const renamed = await manager.post(
      "/safety/settings/categories/noise",
      { name: "Loud music", workflow: "asb", nsirType: "nuisance", countsAsAsb: "yes", subCategories: "" },
      { csrf: token },
    );
    expect(renamed.status).toBe(303);
    const statuses = (await loadSafetyConfiguration(database.db, organisationId)).statuses.asb;
    await saveWorkflowStatuses(
      database.db,
      actorFor(organisationId, "manager"),
      testNow,
      "asb",
      statuses.map((status, index) => (index === 0 ? { ...status, name: "Being assessed" } : status)),
    );

    const after = await casePage();
    expect(after).toContain("Loud music");
    expect(after).toContain("Being assessed");
    expect(after).not.toContain("Open: assessing");
    const list = await listPage();
    expect(list).toContain("Loud music");
    expect(list).toContain("Being assessed");
  });
});

/** A noise case at one of the test homes, with one party. */
async function openNoiseCase(
  uprn: string,
  summary: string,
  openedOn: string,
  party: { role: "complainant" | "alleged-perpetrator"; name: string },
) {
  return openCase(database.db, actorFor(organisationId, "officer"), testNow, {
    category: "noise",
    locationType: "home",
    homeId: (await loadHome(uprn)) as string,
    summary,
    openedOn,
    parties: [party],
  });
}

async function loadHome(uprn: string): Promise<string | undefined> {
  const [row] = await database.query<{ id: string }>(
    "SELECT id FROM home WHERE organisation_id = $1 AND uprn = $2",
    [organisationId, uprn],
  );
  return row?.id;
}
