import { html, type SafeHtml } from "../../../platform/ui/index.ts";

// Approximate centres of Kent and Medway's local authorities (WGS84). Kith has no
// tile server or boundary files, so the map is drawn as SVG: each campaign at its
// own position if it has one, or at the centre of its local authority.
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

export type MapPoint = {
  number: number;
  title: string;
  laCode: string | null;
  latitude: number | null;
  longitude: number | null;
};

const WIDTH = 640;
const HEIGHT = 360;
const bounds = { west: 0.0, east: 1.5, south: 50.98, north: 51.52 };

function project(lat: number, lon: number): { x: number; y: number } {
  const x = ((lon - bounds.west) / (bounds.east - bounds.west)) * (WIDTH - 40) + 20;
  const y = ((bounds.north - lat) / (bounds.north - bounds.south)) * (HEIGHT - 40) + 20;
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * Numbered markers that match the numbered list beside the map, so the map is a
 * picture of the list and nobody needs it to find a campaign.
 */
export function campaignMap(points: MapPoint[]): SafeHtml {
  const placed = points.flatMap((point) => {
    const centre = point.laCode ? laCentres[point.laCode] : undefined;
    const lat = point.latitude ?? centre?.lat;
    const lon = point.longitude ?? centre?.lon;
    return lat === undefined || lon === undefined ? [] : [{ ...point, ...project(lat, lon) }];
  });
  // Campaigns at the same spot (often an authority's centre) fan out in a ring so every number shows.
  const seen = new Map<string, number>();
  for (const point of placed) {
    const key = `${point.x},${point.y}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    if (index > 0) {
      const angle = (index * Math.PI) / 3;
      point.x = Math.round(point.x + 22 * Math.cos(angle));
      point.y = Math.round(point.y + 22 * Math.sin(angle));
    }
  }
  const labels = Object.values(laCentres).map((centre) => ({
    ...centre,
    ...project(centre.lat, centre.lon),
  }));
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-6"><svg role="img" aria-labelledby="campaign-map-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="campaign-map-title">Map of ${placed.length} campaigns in Kent and Medway. Each number matches the list of campaigns.</title><rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${HEIGHT - 1}" fill="#f3f2f1" stroke="#b1b4b6"/>${labels.map(
    (label) =>
      html`<text x="${label.x}" y="${label.y + 22}" text-anchor="middle" font-size="11" fill="#484949" font-family="sans-serif">${label.name}</text>`,
  )}${placed.map(
    (point) =>
      html`<g><circle cx="${point.x}" cy="${point.y}" r="11" fill="#1d70b8" stroke="#ffffff" stroke-width="2"/><text x="${point.x}" y="${point.y + 4}" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff" font-family="sans-serif">${point.number}</text></g>`,
  )}</svg><figcaption class="govuk-body-s govuk-!-margin-top-1">Positions are approximate: campaigns without their own position are shown at the centre of their local authority.</figcaption></figure>`;
}
