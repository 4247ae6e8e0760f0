import fc from "fast-check";

// Builds malformed requests for an OpenAPI 3.1 operation: a plausible body with some fields
// broken, missing or added, bad path ids and bad query values (issue 18 item 10).

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
};

export type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

export type Components = Record<string, Schema>;

/** Values the database or date arithmetic used to choke on, and plain wrong types. */
export const hostileValues: unknown[] = [
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "9999-12-31",
  "0000-00-00",
  "1899-12-31",
  "2026-02-30",
  1e20,
  -1e20,
  2 ** 63,
  -1,
  0,
  1.5,
  "1e20",
  "",
  " ",
  "x".repeat(20_000),
  null,
  true,
  [],
  {},
  [null],
  { nested: { deeper: ["x"] } },
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "'; DROP TABLE organisation; --",
  "<script>alert(1)</script>",
];

/** Path ids: already percent-encoded where needed (a lone surrogate cannot be encoded at all). */
export const hostileIds: string[] = [
  "0",
  "-1",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "0190a0a0-0000-7000-8000-000000000000",
  "%00",
  "a%00b",
  "%ED%A0%80",
  "9".repeat(40),
  "1e20",
  "x".repeat(300),
  "%27%3B--",
];

export function resolve(schema: Schema | undefined, components: Components): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(components[schema.$ref.replace("#/components/schemas/", "")], components);
  return schema;
}

/** A value of the right shape, so the request gets past the outer checks and a broken field goes deeper. */
export function plausible(schema: Schema | undefined, components: Components, depth = 0): unknown {
  const s = resolve(schema, components);
  if (depth > 6) return null;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const choices = s.anyOf ?? s.oneOf;
  if (choices) {
    const notNull = choices.find((c) => resolve(c, components).type !== "null") ?? choices[0];
    return plausible(notNull, components, depth + 1);
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => plausible(part, components, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "string":
      if (s.format === "uuid") return "0190a0a0-0000-7000-8000-000000000001";
      if (s.format === "date") return "2026-07-01";
      if (s.format === "date-time") return "2026-07-01T10:00:00.000Z";
      if (s.format === "email") return "someone@example.org";
      return "Test value";
    case "integer":
    case "number":
      return 1000;
    case "boolean":
      return true;
    case "array":
      return [plausible(s.items, components, depth + 1)];
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties ?? {}))
        value[key] = plausible(property, components, depth + 1);
      return value;
    }
    default:
      return "Test value";
  }
}

/** Sets a hostile value at a random place in a plausible value (top level or one level into an array/object). */
function corrupt(value: unknown, hostile: unknown, pick: number): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [hostile];
    return value.map((item, index) =>
      index === pick % value.length ? corrupt(item, hostile, pick >> 2) : item,
    );
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return hostile;
    const key = keys[pick % keys.length];
    return {
      ...value,
      [key]: pick % 7 === 0 ? hostile : corrupt((value as Record<string, unknown>)[key], hostile, pick >> 3),
    };
  }
  return hostile;
}

export type BodyCase =
  | { kind: "corrupt"; body: unknown }
  | { kind: "missing"; body: unknown }
  | { kind: "extra"; body: unknown }
  | { kind: "raw"; raw: string };

/** Generates request bodies: fields broken, fields missing, fields added, or not an object at all. */
export function bodyCases(schema: Schema | undefined, components: Components): fc.Arbitrary<BodyCase> {
  const base = plausible(schema, components);
  const hostile = fc.constantFrom(...hostileValues);
  const pick = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(hostile, pick)
        .map(([h, p]) => ({ kind: "corrupt" as const, body: corrupt(base, h, p) })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(hostile, hostile, pick, pick).map(([a, b, p, q]) => ({
        kind: "corrupt" as const,
        body: corrupt(corrupt(base, a, p), b, q),
      })),
    },
    {
      weight: 1,
      arbitrary: pick.map((p) => {
        if (base === null || typeof base !== "object" || Array.isArray(base))
          return { kind: "missing" as const, body: {} };
        const keys = Object.keys(base);
        const without = { ...(base as Record<string, unknown>) };
        if (keys.length > 0) delete without[keys[p % keys.length]];
        return { kind: "missing" as const, body: without };
      }),
    },
    {
      weight: 1,
      arbitrary: hostile.map((h) => ({
        kind: "extra" as const,
        body:
          base !== null && typeof base === "object"
            ? { ...base, organisationId: h, __proto__x: h }
            : { extra: h },
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "",
          "null",
          "[]",
          "{",
          '"text"',
          "1e400",
          '{"a":"\\u0000"}',
          '{"a":"\\ud800"}',
          `[${"[".repeat(500)}${"]".repeat(500)}]`,
        )
        .map((raw) => ({ kind: "raw" as const, raw })),
    },
  );
}

/** A query string with every declared parameter given a hostile value (or left out). */
export function queryCases(operation: Operation): fc.Arbitrary<string> {
  const names = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const value = fc.constantFrom(
    "a%00b",
    "%ED%A0%80",
    "9999-12-31",
    "1e20",
    "-1",
    "0",
    "99999999999999999999",
    "x".repeat(2000),
    "not-a-uuid",
    "%27",
    "",
  );
  if (names.length === 0) return value.map((v) => `?unexpected=${v}`);
  return fc.tuple(...names.map(() => fc.option(value, { nil: undefined }))).map((values) => {
    const pairs = names.flatMap((name, i) => (values[i] === undefined ? [] : [`${name}=${values[i]}`]));
    return pairs.length > 0 ? `?${pairs.join("&")}` : "";
  });
}
