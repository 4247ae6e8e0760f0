import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { projectRoot } from "../../../platform/config/config.ts";

// The 360Giving codelists the register uses (reference/standards/360giving/codelists, sources in
// reference/standards/README.md). The standard's codelists are closed: a value outside the list
// is an error, even where the JSON schema only asks for a string.

type Codelists = {
  geoCodeTypes: Set<string>;
  /** ONS entity (the first three characters of a GSS code) → the geoCodeTypes listed for it. */
  typesOfEntity: Map<string, string[]>;
  currencies: Set<string>;
  countryCodes: Set<string>;
};

const directory = path.join(projectRoot, "reference", "standards", "360giving", "codelists");

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(directory, file), "utf8"), { columns: true, skip_empty_lines: true });
}

let cached: Codelists | undefined;

export function codelists(): Codelists {
  if (cached) return cached;
  const geo = readCsv("geoCodeType.csv");
  const typesOfEntity = new Map<string, string[]>();
  for (const row of geo)
    typesOfEntity.set(row["ONS entity"], [...(typesOfEntity.get(row["ONS entity"]) ?? []), row.Code]);
  cached = {
    geoCodeTypes: new Set(geo.map((row) => row.Code)),
    typesOfEntity,
    currencies: new Set(readCsv("currency.csv").map((row) => row.Code)),
    countryCodes: new Set(readCsv("countryCode.csv").map((row) => row.Code)),
  };
  return cached;
}

/**
 * The geoCodeType of a GSS code, from the ONS entity the codelist gives for each type: E06 → UA,
 * E07 → NMD, E08 → MD, E09 → LONB, W06 → UA, S12 → CA … Where the list gives two types for one
 * entity (E12: GOR before April 2011, RGN after) the later one is taken. Undefined when the list
 * has no type for the entity (for example N09, Northern Ireland's districts).
 */
export function geoCodeTypeOf(gssCode: string): string | undefined {
  return codelists().typesOfEntity.get(gssCode.slice(0, 3))?.at(-1);
}

type Location = { geoCode?: unknown; geoCodeType?: unknown; countryCode?: unknown };

/** Codelist errors in a package's grants, as "/grants/0/beneficiaryLocation/0/geoCodeType …" messages. */
export function codelistErrors(grants: unknown[]): string[] {
  const lists = codelists();
  const errors: string[] = [];
  grants.forEach((grant, index) => {
    if (typeof grant !== "object" || grant === null) return;
    const { currency, beneficiaryLocation } = grant as { currency?: unknown; beneficiaryLocation?: unknown };
    if (typeof currency === "string" && !lists.currencies.has(currency))
      errors.push(`/grants/${index}/currency "${currency}" is not in the 360Giving currency codelist`);
    if (!Array.isArray(beneficiaryLocation)) return;
    (beneficiaryLocation as Location[]).forEach((location, place) => {
      const at = `/grants/${index}/beneficiaryLocation/${place}`;
      const { geoCode, geoCodeType, countryCode } = location ?? {};
      if (typeof geoCodeType === "string" && !lists.geoCodeTypes.has(geoCodeType))
        errors.push(`${at}/geoCodeType "${geoCodeType}" is not in the 360Giving geoCodeType codelist`);
      else if (typeof geoCodeType === "string" && typeof geoCode === "string") {
        const allowed = lists.typesOfEntity.get(geoCode.slice(0, 3)) ?? [];
        if (!allowed.includes(geoCodeType))
          errors.push(
            `${at}/geoCodeType "${geoCodeType}" does not match the geoCode ${geoCode} (${allowed.length ? `expected ${allowed.join(" or ")}` : "no type in the codelist"})`,
          );
      }
      if (typeof countryCode === "string" && !lists.countryCodes.has(countryCode))
        errors.push(`${at}/countryCode "${countryCode}" is not in the 360Giving countryCode codelist`);
    });
  });
  return errors;
}
