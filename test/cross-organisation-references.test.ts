import { describe, expect, it } from "vitest";
import { type OrganisationRecords, openReferenceWorld } from "./cross-organisation-fixture.ts";
import { referenceOperations } from "./cross-organisation-operations.ts";
import { openedForFile } from "./database.ts";

// Issue 18 item 8: a reference to another organisation's record must be refused, not stored.
// Every API operation that takes a reference gets the other organisation's id in that one field
// (4xx, nothing written, no audit entry), then the same request with our own id (accepted).

const world = openedForFile(openReferenceWorld);

const send = (method: string, path: string, body: unknown) =>
  world.app.request(`/api/v1${path}`, {
    method,
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${world.ours.token}`, "content-type": "application/json" },
  });
// Test names are made before the records exist: paths show {id} for the ids.
const placeholders = new Proxy({}, { get: () => "{id}" }) as OrganisationRecords;

describe("another organisation's id in an API body or path", () => {
  for (const operation of referenceOperations)
    it(`refuses ${operation.method} ${operation.path(placeholders, placeholders)} with their ${operation.field}`, async () => {
      const { ours, theirs } = world;
      const [rowsBefore, auditBefore] = [
        await world.writtenRows(operation.table),
        await world.writtenRows("audit_log"),
      ];
      const refused = await send(
        operation.method,
        operation.path(ours, theirs),
        operation.body(theirs, ours),
      );
      expect(refused.status, await refused.clone().text()).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(await world.writtenRows(operation.table)).toBe(rowsBefore);
      expect(await world.writtenRows("audit_log")).toBe(auditBefore);
      // The same request with the organisation's own record succeeds, so the refusal above is the reference check.
      const accepted = await send(operation.method, operation.path(ours, ours), operation.body(ours, ours));
      expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    });

  it("names the field and says what to choose, for another organisation's id or one that never existed", async () => {
    const { ours, theirs } = world;
    const body = referenceOperations.find((operation) => operation.field === "groupId")?.body;
    for (const groupId of [theirs.groupId, "0190a0a0-0000-7000-8000-000000000000"]) {
      const refused = await send("POST", "/crowdfunding/campaigns", body?.({ ...theirs, groupId }, ours));
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
        groupId: "Choose a community group from your organisation",
      });
    }
  });

  it("leaves the other organisation's home as it was after a PUT naming it", async () => {
    const [home] = await world.database.query<{ address_line_1: string }>(
      "SELECT address_line_1 FROM home WHERE id = $1",
      [world.theirs.homeId],
    );
    expect(home.address_line_1).not.toBe("1 Taken Street");
  });
});

// Every reference field in the OpenAPI request bodies: a new one fails the last test until it has a row above.
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

function referenceFields(doc: OpenApi, schema: Schema | undefined, prefix = "", depth = 0): string[] {
  const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop() ?? ""] : schema;
  if (!resolved || depth > 5) return [];
  const found: string[] = [];
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    const inner = property.$ref ? doc.components.schemas[property.$ref.split("/").pop() ?? ""] : property;
    if (/Ids?$/.test(name) || inner?.format === "uuid") found.push(`${prefix}${name}`);
    if (inner?.items) found.push(...referenceFields(doc, inner.items, `${prefix}${name}[].`, depth + 1));
    else if (inner?.properties) found.push(...referenceFields(doc, inner, `${prefix}${name}.`, depth + 1));
  }
  for (const part of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])])
    found.push(...referenceFields(doc, part, prefix, depth + 1));
  return found;
}

describe("the list of reference fields", () => {
  it("covers every reference field the API takes", async () => {
    const doc = (await (await world.app.request("/api/openapi.json")).json()) as OpenApi;
    const fields = new Set<string>();
    for (const operations of Object.values(doc.paths))
      for (const operation of Object.values(operations))
        for (const content of Object.values(operation.requestBody?.content ?? {}))
          for (const field of referenceFields(doc, content.schema)) fields.add(field);
    const covered = new Set(referenceOperations.map((operation) => operation.field));
    expect([...fields].filter((field) => !covered.has(field))).toEqual([]);
  });
});
