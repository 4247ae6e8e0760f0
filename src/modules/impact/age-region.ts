export const ageBands = ["under-25", "25-49", "50-plus", "unknown"] as const;
export type AgeBand = (typeof ageBands)[number];
export const regions = ["london", "outside-london"] as const;
export type Region = (typeof regions)[number];

/**
 * Age band on a date, HACT's bands. The same rule as people's ageBand(); kept here so the
 * calculation stays a pure function with no module import.
 */
export function ageBandOn(dateOfBirth: string | null, on: string): AgeBand {
  if (!dateOfBirth) return "unknown";
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 0) return "unknown";
  if (age < 25) return "under-25";
  if (age < 50) return "25-49";
  return "50-plus";
}

/**
 * London or outside London, from the local authority's GSS code: the 33 London boroughs
 * (and the City) are exactly the E09 codes. With no area we use "outside London", the lower
 * value in HACT's bank, so an unknown never inflates a total.
 */
export function regionOf(laCode: string | null): Region {
  return laCode?.startsWith("E09") ? "london" : "outside-london";
}
