// Approximate centres of Kent and Medway's local authorities (WGS84): the campaign form offers
// these districts, and the demo places its campaigns at them. The public list draws campaigns by
// district on the district outlines instead (places' districtCountMap).
export const laCentres: Record<string, { name: string; lat: number; lon: number }> = {
  E07000105: { name: "Ashford", lat: 51.146, lon: 0.874 },
  E07000106: { name: "Canterbury", lat: 51.28, lon: 1.08 },
  E07000107: { name: "Dartford", lat: 51.44, lon: 0.22 },
  E07000108: { name: "Dover", lat: 51.13, lon: 1.31 },
  E07000109: { name: "Gravesham", lat: 51.42, lon: 0.37 },
  E07000110: { name: "Maidstone", lat: 51.27, lon: 0.52 },
  E07000111: { name: "Sevenoaks", lat: 51.27, lon: 0.19 },
  E07000112: { name: "Folkestone and Hythe", lat: 51.08, lon: 1.17 },
  E07000113: { name: "Swale", lat: 51.34, lon: 0.76 },
  E07000114: { name: "Thanet", lat: 51.36, lon: 1.38 },
  E07000115: { name: "Tonbridge and Malling", lat: 51.25, lon: 0.37 },
  E07000116: { name: "Tunbridge Wells", lat: 51.13, lon: 0.26 },
  E06000035: { name: "Medway", lat: 51.39, lon: 0.54 },
};
