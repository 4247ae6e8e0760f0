import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenderRepairsContract } from "../src/modules/exchange/testing/fixtures.ts";
import { createPartnerOrganisation } from "../src/modules/people/index.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createApiToken } from "../src/platform/auth/api-tokens.ts";
import { actorForUser, createUser } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { buildTestApp, testPassword } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "./fixtures.ts";

// Issue 18 item 11: POST /exchange/contracts/{id}/pledges could not be used by any token holder:
// suppliers could not have a token, and an officer's token could not name the supplier.

const pledge = {
  theme: "community-development",
  resourceType: "materials",
  description: "Paint and brushes for the hall",
  valuePence: 80_000,
  dueBy: "2026-09-30",
};

describe("pledging through the API", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let contractId: string;
  let supplierId: string;
  let supplierToken: string;
  let officerToken: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const org = await makeOrganisation(database.db);
    const officer = actorFor(org.id, "officer");
    supplierId = (
      await createPartnerOrganisation(database.db, officer, testNow, {
        name: "Oast Build Ltd",
        kind: "supplier",
      })
    ).id;
    contractId = (await tenderRepairsContract(database, officer)).id;
    const user = (role: "supplier" | "officer", email: string) =>
      createUser(database.db, systemActor(org.id), testNow, {
        organisationId: org.id,
        email,
        name: `Test ${role}`,
        role,
        password: testPassword,
        partnerOrganisationId: role === "supplier" ? supplierId : null,
      });
    const supplierUser = actorForUser(await user("supplier", "bids@oast.example"));
    const officerUser = actorForUser(await user("officer", "officer@ours.example"));
    supplierToken = (
      await createApiToken(database.db, supplierUser, testNow, { name: "bids", scopes: ["exchange:write"] })
    ).token;
    officerToken = (
      await createApiToken(database.db, officerUser, testNow, { name: "sync", scopes: ["exchange:write"] })
    ).token;
    const refused = await problemOf(
      createApiToken(database.db, supplierUser, testNow, { name: "wide", scopes: ["people:read"] }),
    );
    expect(refused.fieldErrors?.scopes).toBe("Unknown scopes: people:read");
  });
  afterAll(async () => database.close());

  const post = (token: string, body: unknown) =>
    app.request(`/api/v1/exchange/contracts/${contractId}/pledges`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });

  it("lets a supplier pledge with its own token (exchange scopes only)", async () => {
    const response = await post(supplierToken, pledge);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { status: string }).status).toBe("offered");
  });

  it("lets an officer record a pledge on a supplier's behalf by naming the supplier", async () => {
    const response = await post(officerToken, { ...pledge, theme: "green", supplierId });
    expect(response.status).toBe(201);
  });
});
