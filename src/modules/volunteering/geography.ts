// Distance search without a postcode API (the servers have no internet): each
// postcode district in Kent and Medway has an approximate centre. Distances are
// therefore approximate (a district is a few kilometres across) and say so on the page.

const districtCentres: Record<string, [number, number]> = {
  ME1: [51.377, 0.497],
  ME2: [51.399, 0.481],
  ME3: [51.438, 0.55],
  ME4: [51.378, 0.53],
  ME5: [51.338, 0.532],
  ME6: [51.322, 0.431],
  ME7: [51.381, 0.562],
  ME8: [51.358, 0.607],
  ME9: [51.329, 0.745],
  ME10: [51.34, 0.733],
  ME11: [51.42, 0.795],
  ME12: [51.43, 0.79],
  ME13: [51.31, 0.89],
  ME14: [51.281, 0.541],
  ME15: [51.255, 0.534],
  ME16: [51.27, 0.49],
  ME17: [51.22, 0.62],
  ME18: [51.25, 0.41],
  ME19: [51.29, 0.41],
  ME20: [51.31, 0.47],
  CT1: [51.277, 1.085],
  CT2: [51.291, 1.058],
  CT3: [51.279, 1.22],
  CT4: [51.23, 1.05],
  CT5: [51.357, 1.03],
  CT6: [51.367, 1.13],
  CT7: [51.374, 1.3],
  CT8: [51.381, 1.337],
  CT9: [51.385, 1.384],
  CT10: [51.359, 1.432],
  CT11: [51.334, 1.41],
  CT12: [51.34, 1.37],
  CT13: [51.27, 1.33],
  CT14: [51.22, 1.39],
  CT15: [51.18, 1.3],
  CT16: [51.135, 1.309],
  CT17: [51.123, 1.296],
  CT18: [51.1, 1.14],
  CT19: [51.088, 1.175],
  CT20: [51.08, 1.16],
  CT21: [51.072, 1.083],
  TN1: [51.133, 0.263],
  TN2: [51.13, 0.29],
  TN3: [51.12, 0.22],
  TN4: [51.15, 0.26],
  TN8: [51.195, 0.075],
  TN9: [51.19, 0.272],
  TN10: [51.205, 0.28],
  TN11: [51.2, 0.23],
  TN12: [51.18, 0.4],
  TN13: [51.275, 0.19],
  TN14: [51.3, 0.15],
  TN15: [51.29, 0.29],
  TN16: [51.29, 0.06],
  TN17: [51.09, 0.53],
  TN18: [51.05, 0.55],
  TN23: [51.139, 0.857],
  TN24: [51.16, 0.89],
  TN25: [51.15, 0.95],
  TN26: [51.1, 0.78],
  TN27: [51.17, 0.73],
  TN28: [50.98, 0.94],
  TN29: [51.0, 0.9],
  TN30: [51.065, 0.69],
  DA1: [51.445, 0.216],
  DA2: [51.43, 0.24],
  DA3: [51.38, 0.3],
  DA4: [51.38, 0.2],
  DA9: [51.45, 0.27],
  DA10: [51.445, 0.31],
  DA11: [51.44, 0.355],
  DA12: [51.43, 0.39],
  DA13: [51.4, 0.36],
};

export function postcodeDistrict(postcode: string): string {
  return postcode.trim().toUpperCase().split(/\s+/)[0] ?? "";
}

/** The approximate centre of a postcode's district, or null outside the districts we know. */
export function locatePostcode(postcode: string): { latitude: number; longitude: number } | null {
  const centre = districtCentres[postcodeDistrict(postcode)];
  return centre ? { latitude: centre[0], longitude: centre[1] } : null;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export const knownDistricts = Object.keys(districtCentres);

// The local authority most of each district lies in (a few districts straddle a boundary;
// hours are reported against this one). GSS codes: ONS register of local authorities.
const medway = "E06000035";
const laByDistrict: Record<string, string> = {
  ...Object.fromEntries(["ME1", "ME2", "ME3", "ME4", "ME5", "ME7", "ME8"].map((d) => [d, medway])),
  ...Object.fromEntries(
    ["ME6", "ME18", "ME19", "ME20", "TN9", "TN10", "TN11", "TN12", "TN15"].map((d) => [d, "E07000115"]),
  ),
  ...Object.fromEntries(["ME9", "ME10", "ME11", "ME12", "ME13"].map((d) => [d, "E07000113"])),
  ...Object.fromEntries(["ME14", "ME15", "ME16", "ME17"].map((d) => [d, "E07000110"])),
  ...Object.fromEntries(["CT1", "CT2", "CT3", "CT4", "CT5", "CT6"].map((d) => [d, "E07000106"])),
  ...Object.fromEntries(["CT7", "CT8", "CT9", "CT10", "CT11", "CT12"].map((d) => [d, "E07000114"])),
  ...Object.fromEntries(["CT13", "CT14", "CT15", "CT16", "CT17"].map((d) => [d, "E07000108"])),
  ...Object.fromEntries(["CT18", "CT19", "CT20", "CT21", "TN28", "TN29"].map((d) => [d, "E07000112"])),
  ...Object.fromEntries(["TN1", "TN2", "TN3", "TN4", "TN17", "TN18"].map((d) => [d, "E07000116"])),
  ...Object.fromEntries(["TN8", "TN13", "TN14", "TN16", "DA3"].map((d) => [d, "E07000111"])),
  ...Object.fromEntries(["TN23", "TN24", "TN25", "TN26", "TN27", "TN30"].map((d) => [d, "E07000105"])),
  ...Object.fromEntries(["DA1", "DA2", "DA4", "DA9", "DA10"].map((d) => [d, "E07000107"])),
  ...Object.fromEntries(["DA11", "DA12", "DA13"].map((d) => [d, "E07000109"])),
};

export function laCodeForPostcode(postcode: string): string | null {
  return laByDistrict[postcodeDistrict(postcode)] ?? null;
}
