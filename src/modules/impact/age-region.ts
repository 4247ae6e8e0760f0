import { ageBand } from "../people/index.ts";

export const ageBands = ["under-25", "25-49", "50-plus", "unknown"] as const;
export type AgeBand = (typeof ageBands)[number];
export const regions = ["london", "outside-london"] as const;
export type Region = (typeof regions)[number];

/** HACT's age band on the day of the outcome (the people module owns the rule). */
export function ageBandOn(dateOfBirth: string | null, on: string): AgeBand {
  return ageBand(dateOfBirth, on);
}

/**
 * London or outside London, from the local authority's GSS code: the 32 London boroughs and the
 * City of London are exactly the E09 codes. With no area we use "outside London", the lower value
 * in HACT's bank, so an unknown never inflates a total.
 */
export function regionOf(laCode: string | null): Region {
  return laCode?.startsWith("E09") ? "london" : "outside-london";
}
