// A tiny rasteriser and PNG/ICO writer for Kith's icons, so the favicon PNGs are
// built from the same geometry as the SVG with no native image tools.
import { crc32, deflateSync } from "node:zlib";
import { markCornerRadius, markLetter, markSize, type Point } from "./kith-mark.ts";

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function insidePolygon(x: number, y: number, points: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number): boolean {
  const r = markCornerRadius;
  const cx = Math.min(Math.max(x, r), markSize - r);
  const cy = Math.min(Math.max(y, r), markSize - r);
  return x >= 0 && y >= 0 && x <= markSize && y <= markSize && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels of the mark at `size` × `size`, anti-aliased by 4 × 4 supersampling. */
export function rasteriseMark(size: number, square: string, letter: string): Uint8Array {
  const samples = 4;
  const [sr, sg, sb] = hexToRgb(square);
  const [lr, lg, lb] = hexToRgb(letter);
  const pixels = new Uint8Array(size * size * 4);
  const scale = markSize / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let onLetter = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (markLetter.some((polygon) => insidePolygon(x, y, polygon))) onLetter++;
        }
      }
      const offset = (py * size + px) * 4;
      const mix = covered === 0 ? 0 : onLetter / covered;
      pixels[offset] = Math.round(sr + (lr - sr) * mix);
      pixels[offset + 1] = Math.round(sg + (lg - sg) * mix);
      pixels[offset + 2] = Math.round(sb + (lb - sb) * mix);
      pixels[offset + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typeAndBody = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody));
  return Buffer.concat([length, typeAndBody, crc]);
}

/** An RGBA PNG (colour type 6, no filtering). */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** An ICO holding PNG images (supported by every browser since 2007). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}
