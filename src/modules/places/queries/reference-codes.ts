import type { Connection } from "../../../platform/db/database.ts";

export type ReferenceCodes = {
  /** Local authority code → name, for authorities that still exist. */
  currentAuthorities: Map<string, string>;
  allAuthorities: Map<string, string>;
  /** LSOA code → district code, per edition. */
  lsoa21: Map<string, string>;
  lsoa11: Map<string, string>;
};

const cache = new WeakMap<object, Promise<ReferenceCodes>>();

/** Reference data never changes while Kith runs, so one load per database serves every check and import. */
export function loadReferenceCodes(
  connection: Connection,
  cacheKey: object = connection,
): Promise<ReferenceCodes> {
  let codes = cache.get(cacheKey);
  if (!codes) {
    codes = (async () => {
      const authorities = await connection.query<{ gss_code: string; name: string; current: boolean }>(
        "SELECT gss_code, name, current FROM local_authority",
      );
      const lsoas = await connection.query<{ edition: string; code: string; lad_code: string }>(
        "SELECT edition, code, lad_code FROM lsoa",
      );
      return {
        currentAuthorities: new Map(authorities.filter((a) => a.current).map((a) => [a.gss_code, a.name])),
        allAuthorities: new Map(authorities.map((a) => [a.gss_code, a.name])),
        lsoa21: new Map(lsoas.filter((l) => l.edition === "iod2025").map((l) => [l.code, l.lad_code])),
        lsoa11: new Map(lsoas.filter((l) => l.edition === "iod2019").map((l) => [l.code, l.lad_code])),
      };
    })();
    cache.set(cacheKey, codes);
  }
  return codes;
}

/** Checks that codes name real places and fit together; returns field messages. */
export function referenceProblems(
  codes: ReferenceCodes,
  input: { laCode: string; lsoa21Code: string | null; lsoa11Code: string | null },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!codes.allAuthorities.has(input.laCode)) {
    problems.laCode = `There is no local authority with the code ${input.laCode}`;
  } else if (!codes.currentAuthorities.has(input.laCode)) {
    problems.laCode = `${input.laCode} (${codes.allAuthorities.get(input.laCode)}) was abolished; use the current authority's code`;
  }
  if (input.lsoa21Code) {
    const district = codes.lsoa21.get(input.lsoa21Code);
    if (!district) problems.lsoa21Code = `There is no 2021 LSOA with the code ${input.lsoa21Code}`;
    else if (!problems.laCode && district !== input.laCode) {
      problems.lsoa21Code = `LSOA ${input.lsoa21Code} is in ${codes.allAuthorities.get(district) ?? district}, not ${codes.allAuthorities.get(input.laCode)}`;
    }
  }
  if (input.lsoa11Code && !codes.lsoa11.has(input.lsoa11Code)) {
    problems.lsoa11Code = `There is no 2011 LSOA with the code ${input.lsoa11Code}`;
  }
  return problems;
}
