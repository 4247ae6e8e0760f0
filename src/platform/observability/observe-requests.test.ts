import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { capturedLogger, type LogLine } from "../../../test/captured-logs.ts";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { newRequestId, requestIdFrom } from "./observe-requests.ts";

const generatedId = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe("request ids and request logs", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let lines: LogLine[];

  beforeAll(async () => {
    database = await openTestDatabase();
    const captured = capturedLogger();
    lines = captured.lines;
    app = await buildTestApp(database, undefined, { logger: captured.logger });
    app.get("/test/things/:id", (c) => {
      c.get("log").info({ thing: c.req.param("id") }, "looked at a thing");
      return c.text("ok");
    });
    app.get("/test/broken", () => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    });
  });
  afterAll(async () => database.close());

  const linesFor = (requestId: string) => lines.filter((line) => line.requestId === requestId);

  it("gives every request an id, sends it back, and stamps it on every line logged for that request", async () => {
    const response = await app.request("/test/things/42");
    const requestId = response.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(generatedId);
    const own = linesFor(requestId);
    expect(own.map((line) => line.msg)).toEqual(["looked at a thing", "request"]);
    expect(own[1]).toMatchObject({
      level: "info",
      method: "GET",
      path: "/test/things/42",
      route: "/test/things/:id",
      status: 200,
      service: "kith",
    });
    expect(typeof own[1].ms).toBe("number");
  });

  it("keeps a proxy's id when it is a short safe token, and replaces anything else", async () => {
    const kept = await app.request("/health/live", { headers: { "x-request-id": "lb-7f3a9c21-e4" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c21-e4");
    expect(linesFor("lb-7f3a9c21-e4")).toHaveLength(1);
    for (const unsafe of ['x"}\n{"level":"fatal', "a".repeat(65), "short", "with space in it"]) {
      expect(requestIdFrom(unsafe)).toMatch(generatedId);
    }
    expect(new Set(Array.from({ length: 200 }, newRequestId)).size).toBe(200);
  });

  it("shows the reference on the 500 page and logs the error under the same id", async () => {
    const response = await app.request("/test/broken");
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id") ?? "";
    const page = await response.text();
    expect(page).toContain(`quote this reference: <strong>${requestId}</strong>`);
    expect(page).not.toContain("Cannot read properties");
    const [failure, summary] = linesFor(requestId);
    expect(failure).toMatchObject({ level: "error", msg: "request failed" });
    expect((failure.err as { message: string }).message).toBe(
      "Cannot read properties of undefined (reading 'name')",
    );
    expect(summary).toMatchObject({ msg: "request", status: 500, route: "/test/broken" });
  });

  it("does not show a reference on pages that are not our fault", async () => {
    const page = await (await app.request("/no-such-page")).text();
    expect(page).not.toContain("quote this reference");
  });

  it("never writes a password reset token from the path into the logs", async () => {
    const token = "reset-token-that-must-stay-secret";
    const response = await app.request(`/reset-password/${token}`);
    const own = linesFor(response.headers.get("x-request-id") ?? "");
    expect(own.at(-1)?.path).toBe("/reset-password/:token");
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});
