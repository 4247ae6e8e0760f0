import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ajv2020 from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import type { CliContext } from "../module.ts";
import { volunteeringCli } from "./cli.ts";
import { seedVolunteering } from "./seed.ts";
import schema from "./vds.schema.json" with { type: "json" };

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let slug: string;

function run(words: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const command = volunteeringCli.find((c) => c.words.join(" ") === words);
  if (!command) throw new Error(`no command ${words}`);
  let out = "";
  let err = "";
  const context: CliContext = {
    // The command closes what it opens; the test keeps its database for the next command.
    openDatabase: async () => ({ ...database, close: async () => {} }),
    io: {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
    },
    now: () => now,
  };
  return command.run(args, context).then((code) => ({ code, out, err }));
}

beforeAll(async () => {
  database = await openTestDatabase();
  const organisation = await makeOrganisation(database.db, "Weald and Medway Homes");
  slug = organisation.slug;
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  await seedVolunteering({
    database,
    organisationId: organisation.id,
    now,
    random,
    log: () => {},
    users: [],
  });
  await makeOrganisation(database.db, "Second Homes"); // a second organisation, with no roles
});
afterAll(async () => database.close());

describe("kith volunteering export and report", () => {
  it("writes a VDS export that validates against the documented schema and adds up", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-vds-"));
    const file = path.join(dir, "vds.json");
    const result = await run("volunteering export", [
      "--format",
      "vds-json",
      "--out",
      file,
      "--base-url",
      "https://kith.example.org/",
    ]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const exported = JSON.parse(await readFile(file, "utf8"));
    // Both packages are CommonJS: their class and function sit on .default under Node's ESM loader.
    const ajv = new ajv2020.default.default({ allErrors: true, strict: false });
    ajvFormats.default.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The standard's shape: graph → Organisation → activity → role and session, its own field names.
    expect(exported["@context"][0]).toBe("https://api.volunteeringdata.io/context/v1");
    expect(exported.conformsTo).toBe("https://ns.volunteeringdata.io/");
    type Role = {
      "kith:hours": { minutes: number };
      requirement: string[];
      commitment: string;
      allowsRemoteParticipation: boolean;
    };
    type Session = { "kith:minutes"?: number; time: string[] | { type: string } };
    type Activity = { type: string; title: string; role: Role[]; session: Session[] };
    const activities: Activity[] = exported.graph.flatMap((o: { type: string; activity: Activity[] }) => {
      expect(o.type).toBe("Organisation");
      return o.activity;
    });
    const roles = activities.flatMap((a) => a.role);
    const sessions = activities.flatMap((a) => a.session);
    const [sql] = await database.query<{ minutes: number; roles: number; dbs: number }>(
      `SELECT (SELECT sum(minutes) FROM vol_hours h JOIN vol_opportunity o ON o.organisation_id = h.organisation_id AND o.id = h.opportunity_id
                WHERE h.status <> 'disputed' AND o.status IN ('approved', 'closed'))::int AS minutes,
              (SELECT count(*) FROM vol_opportunity WHERE status IN ('approved', 'closed'))::int AS roles,
              (SELECT count(*) FROM vol_opportunity WHERE status IN ('approved', 'closed') AND dbs_required)::int AS dbs`,
    );
    expect(roles).toHaveLength(Number(sql?.roles));
    for (const role of roles as (Role & { id: string; applyLink: string })[])
      expect(role.applyLink).toBe(
        `https://kith.example.org/volunteer/${slug}/roles/${role.id.slice("urn:uuid:".length)}`,
      );
    expect(roles.reduce((sum, role) => sum + role["kith:hours"].minutes, 0)).toBe(Number(sql?.minutes));
    expect(
      roles.filter((role) => role.requirement.includes("https://ns.volunteeringdata.io/DBSCheck")),
    ).toHaveLength(Number(sql?.dbs));
    const sessionMinutes = sessions.reduce((sum, session) => sum + (session["kith:minutes"] ?? 0), 0);
    expect(sessionMinutes).toBeLessThanOrEqual(Number(sql?.minutes));
    expect(sessionMinutes).toBeGreaterThan(0);
    expect(
      sessions.some(
        (session) =>
          Array.isArray(session.time) &&
          session.time.includes("https://ns.volunteeringdata.io/SaturdayMorning"),
      ),
    ).toBe(true);
    expect(JSON.stringify(exported)).not.toMatch(/@example\.org/); // no personal data
  });

  it("prints hours, value and active volunteers by theme and area as JSON, valued at each year's rate", async () => {
    const result = await run("volunteering report", [
      "--from",
      "2025-04-01",
      "--to",
      "2026-03-31",
      "--json",
      "--organisation",
      slug,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    // Checked by hand from the rows: Σ minutes × rate of the year worked / 60, rounded once.
    const [expected] = await database.query<{ value: string; minutes: number; volunteers: number }>(
      `SELECT round(sum(h.minutes::numeric * CASE extract(year FROM h.worked_on) WHEN 2025 THEN 1221 WHEN 2026 THEN 1271 END) / 60) AS value,
              sum(h.minutes)::int AS minutes, count(DISTINCT h.volunteer_id)::int AS volunteers
         FROM vol_hours h WHERE h.status = 'verified' AND h.worked_on BETWEEN '2025-04-01' AND '2026-03-31'`,
    );
    expect(report.total.valuePence).toBe(Number(expected?.value));
    expect(report.total.minutes).toBe(Number(expected?.minutes));
    expect(report.total.activeVolunteers).toBe(Number(expected?.volunteers));
    expect(report.total.hours).toBeCloseTo(Number(expected?.minutes) / 60, 2);
    const themeMinutes = report.byTheme.reduce(
      (sum: number, row: { minutes: number }) => sum + row.minutes,
      0,
    );
    const areaValue = report.byArea.reduce(
      (sum: number, row: { valuePence: number }) => sum + row.valuePence,
      0,
    );
    expect(themeMinutes).toBe(report.total.minutes);
    expect(Math.abs(areaValue - report.total.valuePence)).toBeLessThanOrEqual(report.byArea.length); // one rounding per group
    expect(report.byArea.map((row: { areaName: string }) => row.areaName)).toContain("Medway");
    const organisationMinutes = report.byOrganisation.reduce(
      (sum: number, row: { minutes: number }) => sum + row.minutes,
      0,
    );
    expect(organisationMinutes).toBe(report.total.minutes);
    expect(report.byOrganisation.map((row: { organisationName: string }) => row.organisationName)).toContain(
      "Our own programme",
    );
    expect(report.rates.map((rate: { year: number }) => rate.year)).toEqual([2024, 2025, 2026]);
  });

  it("chooses the only organisation with roles when --organisation is left out", async () => {
    const result = await run("volunteering report", ["--from", "2025-04-01", "--to", "2026-03-31"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("Weald and Medway Homes: volunteering 2025-04-01 to 2026-03-31");
  });

  it("refuses bad arguments with a usage message and exit code 2", async () => {
    expect((await run("volunteering export", ["--format", "csv", "--out", "x.json"])).code).toBe(2);
    expect((await run("volunteering export", ["--format", "vds-json"])).err).toContain("--out FILE");
    const badBase = await run("volunteering export", [
      "--format",
      "vds-json",
      "--out",
      "x.json",
      "--base-url",
      "kith",
    ]);
    expect(badBase.code).toBe(2);
    expect(badBase.err).toContain("--base-url must be a web address");
    const badDate = await run("volunteering report", ["--from", "2025-02-30", "--to", "2026-03-31"]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain("--from as a real date");
    expect((await run("volunteering report", ["--from", "2026-04-01", "--to", "2025-03-31"])).err).toContain(
      "after --to",
    );
    expect(
      (
        await run("volunteering report", [
          "--from",
          "2025-04-01",
          "--to",
          "2026-03-31",
          "--organisation",
          "nope",
        ])
      ).err,
    ).toContain('No organisation "nope"');
  });
});
