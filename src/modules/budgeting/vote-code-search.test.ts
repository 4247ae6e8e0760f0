import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { createPerson } from "../people/index.ts";
import { createProcess } from "./commands/create-process.ts";
import { pbProcess } from "./schema.ts";
import { processForm } from "./test-support.ts";

describe("issuing a voting code by finding the resident", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let processId: string;
  const twins: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const orgId = (await makeOrganisation(database.db, "Codes Homes")).id;
    await addUser(database, orgId, "officer", "officer@codes.example");
    await addUser(database, orgId, "tenant", "tenant@codes.example");
    const officer = actorFor(orgId, "officer");
    // Two residents with the same name: only their postcode and record tell them apart.
    for (const postcode of ["ME1 1AA", "ME4 4BB"]) {
      const person = await createPerson(database.db, officer, testNow, {
        givenName: "Ada",
        familyName: "Lovelace",
        dateOfBirth: "1980-05-01",
        personType: "tenant",
        postcode,
        confirmNotDuplicate: "yes",
      });
      twins.push(person.id);
    }
    processId = (await createProcess(database.db, officer, testNow, processForm())).id;
    await database.db.update(pbProcess).set({ phase: "voting" }).where(eq(pbProcess.id, processId));
  });
  afterAll(async () => database.close());

  it("finds residents by name, telling apart two with the same name, and issues a code to the one chosen", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("officer@codes.example");
    const page = await (await browser.get(`/budgeting/${processId}/codes?q=ada+love`)).text();
    expect(page).toContain("2 residents matching");
    expect(page).toContain("ME1 1AA");
    expect(page).toContain("ME4 4BB");
    for (const id of twins) expect(page).toContain(`…${id.slice(-6)}`);
    const issued = await browser.post(
      `/budgeting/${processId}/codes`,
      { personId: twins[1] },
      { csrf: await browser.csrfToken(`/budgeting/${processId}/codes?q=ada`) },
    );
    expect(issued.status).toBe(200);
    expect(await issued.text()).toMatch(/Voting code issued[\s\S]*<strong>[A-Z0-9-]{12}<\/strong>/);
  });

  it("asks for two characters, and takes % and _ literally rather than as wildcards", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("officer@codes.example");
    const short = await browser.get(`/budgeting/${processId}/codes?q=a`);
    await expectRefused(short, "Enter at least 2 characters");
    for (const wildcard of ["%%", "__"]) {
      const page = await (
        await browser.get(`/budgeting/${processId}/codes?q=${encodeURIComponent(wildcard)}`)
      ).text();
      expect(page).toContain(`No resident matches "${wildcard}"`);
    }
  });

  it("is not shown to a tenant", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("tenant@codes.example");
    expect((await browser.get(`/budgeting/${processId}/codes?q=ada`)).status).toBe(403);
  });
});
