import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createTheme } from "../../investment/index.ts";
import { oneTenantAtOneSession } from "../../investment/testing/projects.ts";

// The report page per theme and area, and its tables as CSV and XLSX, over HTTP.

let database: Database;
let manager: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const actor = actorFor(organisationId, "manager");
  await oneTenantAtOneSession(database.db, actor, testNow, "2025-05-05");
  await createTheme(database.db, actor, testNow, { code: "employ", name: "Employability" });
  // The organisation works in Medway (the report's area choices are the organisation's areas).
  await database.query("INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, 'E06000035')", [
    organisationId,
  ]);
  await addUser(database, organisationId, "manager", "manager@example.org");
  manager = new TestBrowser(await buildTestApp(database));
  await manager.signIn("manager@example.org");
});
afterAll(async () => database.close());

describe("report page per theme and area", () => {
  it("shows the report for one theme with downloads that keep the theme", async () => {
    const response = await manager.get("/impact/report?year=2025&theme=wellbeing");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Social impact report 2025/26 (Wellbeing theme)");
    expect(page).toContain("/impact/report/download?year=2025&amp;theme=wellbeing&amp;area=&amp;format=pdf");
    expect(page).toContain("/impact/report/export/report-themes.csv?year=2025&amp;theme=wellbeing");
  });

  it("exports the report's theme table as CSV and XLSX, narrowed to the theme", async () => {
    const csv = await manager.get("/impact/report/export/report-themes.csv?year=2025&theme=wellbeing");
    expect(csv.headers.get("content-disposition")).toContain("kith-report-themes-2025-26-wellbeing.csv");
    expect(await csv.text()).toBe(
      "theme_code,theme,residents,in_depth,sessions,social_value_pence\r\nwellbeing,Wellbeing,1,1,1,0\r\n",
    );
    const xlsx = await manager.get("/impact/report/export/report-areas.xlsx?year=2025&area=E06000035");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("kith-report-areas-2025-26-E06000035.xlsx");
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await manager.get("/impact/report/export/secrets.csv?year=2025")).status).toBe(404);
  });

  it("downloads the HTML report for one area", async () => {
    const response = await manager.get("/impact/report/download?year=2025&area=E06000035&format=html");
    expect(response.headers.get("content-disposition")).toContain(
      "social-impact-report-2025-26-E06000035.html",
    );
    expect(await response.text()).toContain("social impact report 2025/26 (Medway)");
  });
});
