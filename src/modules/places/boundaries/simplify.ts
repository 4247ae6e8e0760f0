import type { Position } from "geojson";

/**
 * Douglas–Peucker on one closed ring: keeps the points that stray more than `tolerance`
 * (in the ring's own units, degrees here) from the line between kept neighbours. A ring
 * simplified below four positions would stop being a polygon, so it is returned unchanged.
 */
export function simplifyRing(ring: Position[], tolerance: number): Position[] {
  if (tolerance <= 0 || ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // A closed ring's ends are the same point, so split it at the point farthest from the start.
  let far = 1;
  for (let i = 1; i < ring.length - 1; i++)
    if (distance2(ring[i], ring[0]) > distance2(ring[far], ring[0])) far = i;
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  const limit = tolerance * tolerance;
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = limit;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(ring[i], ring[from], ring[to]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  const kept = ring.filter((_, i) => keep[i] === 1);
  return kept.length >= 4 ? kept : ring;
}

function distance2(a: Position, b: Position): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return distance2(p, a);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return distance2(p, [a[0] + t * dx, a[1] + t * dy]);
}
