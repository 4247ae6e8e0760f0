import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartnerOrganisation } from "../src/modules/people/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { buildTestApp, userWithAllScopesToken } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";

// Issue 18 item 8: a reference to another organisation's record must be refused, not stored.

const campaign = (groupId: string) => ({
  groupId,
  groupName: "Friends of Westfield Park",
  title: "Westfield community garden",
  summary: "Raised beds and a tool shed",
  story: "We want to turn the empty corner into a garden.",
  communityBenefit: "Open to every resident.",
  targetPence: 800_000,
  deadline: "2026-07-15",
  location: "Westfield estate, Chatham",
  budgetLines: [{ description: "Raised beds", amountPence: 800_000 }],
});

describe("references to another organisation's records", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let token: string;
  let ownGroupId: string;
  let theirGroupId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const mine = await makeOrganisation(database.db, "Ours");
    const theirs = await makeOrganisation(database.db, "Theirs");
    const group = { name: "Westfield residents", kind: "community-group" };
    ownGroupId = (await createPartnerOrganisation(database.db, actorFor(mine.id, "officer"), testNow, group))
      .id;
    theirGroupId = (
      await createPartnerOrganisation(database.db, actorFor(theirs.id, "officer"), testNow, group)
    ).id;
    token = await userWithAllScopesToken(database, mine.id, "officer", "officer@ours.example");
  });
  afterAll(async () => database.close());

  const createCampaign = (groupId: string) =>
    app.request("/api/v1/crowdfunding/campaigns", {
      method: "POST",
      body: JSON.stringify(campaign(groupId)),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });

  it("refuses a campaign for another organisation's community group, naming the field", async () => {
    const response = await createCampaign(theirGroupId);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string> }).errors).toEqual({
      groupId: "Choose a community group from your organisation",
    });
  });

  it("refuses a group id that does not exist at all in the same way", async () => {
    const response = await createCampaign("0190a0a0-0000-7000-8000-000000000000");
    expect(response.status).toBe(422);
  });

  it("accepts the organisation's own community group", async () => {
    const response = await createCampaign(ownGroupId);
    expect(response.status).toBe(201);
  });
});
