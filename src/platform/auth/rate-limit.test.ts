import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { releaseSlot, takeSlot } from "./rate-limit.ts";

const limit = { max: 5, windowMs: 60_000 };

describe("atomic rate-limit counters", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it("gives each of 25 parallel tries its own count, so exactly the limit is allowed", async () => {
    const slots = await Promise.all(
      Array.from({ length: 25 }, () => takeSlot(database.db, "test:parallel", limit, testNow)),
    );
    expect(slots.map((slot) => slot.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(slots.filter((slot) => slot.allowed)).toHaveLength(5);
  });

  it("says when the window ends, and starts a new window after it", async () => {
    for (let i = 0; i < 5; i++) await takeSlot(database.db, "test:window", limit, testNow);
    const refused = await takeSlot(database.db, "test:window", limit, new Date(testNow.getTime() + 20_000));
    expect(refused).toEqual({ allowed: false, hits: 6, retryAfterSeconds: 40 });
    const fresh = await takeSlot(database.db, "test:window", limit, new Date(testNow.getTime() + 61_000));
    expect(fresh).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 60 });
  });

  it("gives a try back without going below zero", async () => {
    await takeSlot(database.db, "test:release", limit, testNow);
    await releaseSlot(database.db, "test:release");
    await releaseSlot(database.db, "test:release");
    expect((await takeSlot(database.db, "test:release", limit, testNow)).hits).toBe(1);
  });
});
