import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { canonicalJson } from "../../../platform/audit/canonical-json.ts";
import { standardsDirectory } from "../../../platform/config/standards.ts";
import { codelistErrors } from "./codelists.ts";

// Validation against the official 360Giving schema (kept beside the repository in
// ../shared/standards/360giving, or KITH_360GIVING_SCHEMA_DIR). Used by the tests and by
// `kith grants export --validate`; the CSV is first unflattened the way 360Giving's
// own tools read it: headings are schema titles joined with ":".

type JsonSchema = {
  $id?: string;
  $ref?: string;
  title?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $defs?: Record<string, JsonSchema>;
};

export function schemaDirectory(): string {
  return process.env.KITH_360GIVING_SCHEMA_DIR ?? standardsDirectory("360giving");
}

function readSchema(file: string): JsonSchema {
  const schema = JSON.parse(readFileSync(path.join(schemaDirectory(), file), "utf8")) as JsonSchema & {
    $schema?: string;
  };
  // The files name the 2020-12 meta-schema by its http:// address, which Ajv knows as https://.
  // Ajv2020 validates as draft 2020-12 either way, so the declaration is dropped rather than fetched.
  if (schema.$schema === "http://json-schema.org/draft/2020-12/schema") delete schema.$schema;
  return schema;
}

const batchSize = 100;

function isPackage(data: unknown): data is { grants: unknown[] } {
  return typeof data === "object" && data !== null && Array.isArray((data as { grants?: unknown }).grants);
}

/** Error paths inside a batch point at the grant's place in the whole file. */
function shiftIndex(path: string, offset: number): string {
  return offset === 0
    ? path
    : path.replace(/^\/grants\/(\d+)/, (_, index: string) => `/grants/${Number(index) + offset}`);
}

export type RegisterValidator = { validatePackage: (data: unknown) => string[]; grantSchema: JsonSchema };

let cached: RegisterValidator | undefined;

export function registerValidator(): RegisterValidator {
  if (cached) return cached;
  const grantSchema = readSchema("360-giving-schema.json");
  const packageSchema = readSchema("360-giving-package-schema.json");
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema(grantSchema);
  // The 1.4.3 package schema refers to the grant schema by its 1.4.2 address; register it there too.
  const referenced = packageSchema.properties?.grants?.items?.$ref;
  if (referenced && referenced !== grantSchema.$id) ajv.addSchema({ ...grantSchema, $id: referenced });
  const validate = ajv.compile(packageSchema);
  const check = (data: unknown, offset: number): string[] =>
    validate(data)
      ? []
      : (validate.errors ?? []).map(
          (error) => `${shiftIndex(error.instancePath, offset) || "/"} ${error.message ?? "is not valid"}`,
        );
  cached = {
    grantSchema,
    validatePackage(data: unknown): string[] {
      // The schema, then the codelists it points to (closed lists the schema cannot express).
      const listed = isPackage(data) ? codelistErrors(data.grants) : [];
      if (!isPackage(data) || data.grants.length <= batchSize) return [...check(data, 0), ...listed];
      const grants = data.grants;
      // The package schema's uniqueItems compares every pair of grants, which takes minutes on
      // a large register. So grants are checked in batches (the full schema, metadata included),
      // and uniqueness is checked here: distinct ids mean distinct grants; equal ids are compared in full.
      const errors: string[] = [];
      for (let start = 0; start < grants.length; start += batchSize) {
        errors.push(...check({ ...data, grants: grants.slice(start, start + batchSize) }, start));
      }
      const seen = new Map<string, string>();
      grants.forEach((grant, index) => {
        const id =
          typeof grant === "object" && grant !== null && "id" in grant ? String(grant.id) : `#${index}`;
        const body = canonicalJson(grant);
        if (seen.get(id) === body)
          errors.push(`/grants/${index} must be unique (it repeats an earlier grant)`);
        else if (!seen.has(id)) seen.set(id, body);
      });
      return [...errors, ...listed];
    },
  };
  return cached;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref?.startsWith("#/$defs/")) {
    const target = root.$defs?.[schema.$ref.slice("#/$defs/".length)] ?? {};
    return { ...target, ...schema, $ref: undefined, title: schema.title ?? target.title };
  }
  return schema;
}

function byTitle(schema: JsonSchema, root: JsonSchema, title: string): [string, JsonSchema] | undefined {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const resolved = resolve(property, root);
    if (resolved.title === title) return [key, resolved];
  }
  return undefined;
}

function convert(value: string, schema: JsonSchema): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    (types.includes("number") || types.includes("integer")) &&
    value.trim() !== "" &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  return value;
}

/** Reads a 360Giving CSV back into a package (one object per array, as in Kith's export). */
export function unflattenCsv(text: string): { grants: Record<string, unknown>[]; unknownHeadings: string[] } {
  const root = registerValidator().grantSchema;
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const unknownHeadings = new Set<string>();
  const grants = rows.map((row) => {
    const grant: Record<string, unknown> = {};
    for (const [heading, value] of Object.entries(row)) {
      if (value === "") continue;
      const [outer, inner] = heading.split(":");
      const top = byTitle(root, root, outer);
      if (!top) {
        unknownHeadings.add(heading);
        continue;
      }
      const [key, property] = top;
      if (inner === undefined) {
        grant[key] = convert(value, property);
        continue;
      }
      const itemSchema = property.items ? resolve(property.items, root) : undefined;
      const field = itemSchema ? byTitle(itemSchema, root, inner) : undefined;
      if (!itemSchema || !field) {
        unknownHeadings.add(heading);
        continue;
      }
      if (!Array.isArray(grant[key])) grant[key] = [{}];
      (grant[key] as Record<string, unknown>[])[0][field[0]] = convert(value, field[1]);
    }
    return grant;
  });
  return { grants, unknownHeadings: [...unknownHeadings] };
}
