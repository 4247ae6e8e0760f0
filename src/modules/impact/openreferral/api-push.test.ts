import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testNow } from "../../../../test/fixtures.ts";
import { recordSession } from "../../investment/index.ts";
import { type DirectoryFixture, directoryFixture } from "./openreferral-fixture.ts";

// Pushing delivery (sessions, attendance, outcomes, funding) into Kith through its JSON API, the
// way a partner's CRM does, on the same organisation the directory tests use.
let fixture: DirectoryFixture;
let app: DirectoryFixture["app"];
let token: string;
let projectId: string;
let participantId: string;

beforeAll(async () => {
  fixture = await directoryFixture();
  ({ app, token, projectId, participantId } = fixture);
});
afterAll(async () => fixture.database.close());

describe("pushing attendance and outcomes through the API", () => {
  const auth = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

  it("records a session and its attendance, and refuses attendance for a future session", async () => {
    const past = await app.request("/api/v1/investment/sessions", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({
        projectId,
        title: "Lunch",
        heldOn: "2026-06-10",
        durationMinutes: 90,
        depth: "light",
        laCode: "E06000035",
      }),
    });
    expect(past.status).toBe(201);
    const { id } = (await past.json()) as { id: string };
    const recorded = await app.request(`/api/v1/investment/sessions/${id}/attendance`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toEqual({ recorded: 1 });
    const future = (
      await recordSession(fixture.database.db, fixture.admin, testNow, {
        projectId,
        title: "Later",
        heldOn: "2026-07-01",
        durationMinutes: 60,
        depth: "light",
        laCode: "E06000035",
      })
    ).id;
    const refused = await app.request(`/api/v1/investment/sessions/${future}/attendance`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("in the future");
  });

  it("records a batch of outcomes all or nothing, naming the bad one", async () => {
    const good = {
      participantId,
      projectId,
      valueCode: "SOC-LONELY",
      achievedOn: "2026-06-01",
      evidence: "Survey",
    };
    const batch = await app.request("/api/v1/impact/outcomes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ outcomes: [good, { ...good, participantId: undefined }] }),
    });
    expect(batch.status).toBe(422);
    const problem = (await batch.json()) as { detail: string; errors: Record<string, string> };
    expect(problem.detail).toMatch(/^Outcome 2:/);
    expect(Object.keys(problem.errors)).toContain("outcomes.1.participantId");
    const social = await app.request("/api/v1/impact/social-value?from=2026-01-01&to=2026-12-31", {
      headers: auth(),
    });
    expect(((await social.json()) as { lines: unknown[] }).lines).toHaveLength(0);
    const single = await app.request("/api/v1/impact/outcomes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify(good),
    });
    expect(single.status).toBe(201);
  });

  it("answers an id that is not a UUID with 404, not a database error", async () => {
    expect((await app.request("/api/v1/investment/projects/not-a-uuid", { headers: auth() })).status).toBe(
      404,
    );
    const attendance = await app.request("/api/v1/investment/sessions/not-a-uuid/attendance", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ attendees: [{ participantId }] }),
    });
    expect(attendance.status).toBe(404);
  });

  it("shows the strategy but lets only managers change it", async () => {
    const strategy = await app.request("/api/v1/investment/strategy", { headers: auth() });
    expect(((await strategy.json()) as { themes: { code: string }[] }).themes.map((t) => t.code)).toEqual([
      "wellbeing",
    ]);
    const refused = await app.request("/api/v1/investment/themes", {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ code: "new", name: "New" }),
    });
    expect(refused.status).toBe(403);
  });

  it("exports the SROI table as CSV and XLSX", async () => {
    const csv = await app.request("/impact/export/sroi.csv?from=2026-01-01&to=2026-12-31", {
      headers: auth(),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "project_id,project,social_value_pence,present_value_pence,inputs_pence,sroi_ratio,value_source",
    );
    const xlsx = await app.request("/impact/export/projects.xlsx", { headers: auth() });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await app.request("/impact/export/secrets.csv", { headers: auth() })).status).toBe(404);
  });

  it("adds funding and spending to a project, refusing negative money", async () => {
    const funding = await app.request(`/api/v1/investment/projects/${projectId}/funding`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ source: "Lottery", kind: "external", amountPence: 250_000, year: 2026 }),
    });
    expect(funding.status).toBe(201);
    const negative = await app.request(`/api/v1/investment/projects/${projectId}/spend`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ spentOn: "2026-06-01", amountPence: -5, description: "Refund" }),
    });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as { errors: Record<string, string> }).errors.amountPence).toBe(
      "The amount cannot be negative",
    );
    const stage = await app.request(`/api/v1/investment/projects/${projectId}/stage`, {
      method: "POST",
      headers: auth(),
      body: "null",
    });
    expect(stage.status).toBe(422);
  });

  it("says malformed JSON is malformed", async () => {
    const response = await app.request("/api/v1/investment/sessions", {
      method: "POST",
      headers: auth(),
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  it("sets a service's directory listing, which the Open Referral directory then shows and filters by", async () => {
    const listing = { minimumAge: 65, schedules: [{ days: ["FR"], opensAt: "11:00", closesAt: "13:00" }] };
    const set = await app.request(`/api/v1/impact/directory-listings/${projectId}`, {
      method: "PUT",
      headers: auth(),
      body: JSON.stringify(listing),
    });
    expect(set.status).toBe(204);
    const service = (await (await app.request(`/openreferral/services/${projectId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(service).toMatchObject({ minimum_age: 65, schedules: [{ byday: "FR", opens_at: "11:00" }] });
    const friday = (await (await app.request("/openreferral/services?day=FR&minimum_age=65")).json()) as {
      total_items: number;
    };
    expect(friday.total_items).toBe(1);
    const bad = await app.request(`/api/v1/impact/directory-listings/${projectId}`, {
      method: "PUT",
      headers: auth(),
      body: JSON.stringify({ minimumAge: "old" }),
    });
    expect(bad.status).toBe(422);
    const missing = await app.request(
      "/api/v1/impact/directory-listings/00000000-0000-4000-8000-000000000000",
      {
        method: "PUT",
        headers: auth(),
        body: JSON.stringify(listing),
      },
    );
    expect(missing.status).toBe(404);
  });
});
