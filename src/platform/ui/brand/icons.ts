// Kith's favicons and web app manifest, built from the mark's geometry.
// `npm run build:icons` writes them to assets/icons (committed: they change only with the drawing).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { faviconSvg, KITH_BRAND_COLOUR } from "./kith-mark.ts";
import { encodeIco, encodePng, rasteriseMark } from "./raster.ts";

export const iconsFolder = join(import.meta.dirname, "../assets/icons");

function markPng(size: number): Buffer {
  return encodePng(size, rasteriseMark(size, KITH_BRAND_COLOUR, "#ffffff"));
}

function manifest(): string {
  const icons = [192, 512].map((size) => ({
    src: `/assets/kith/icons/icon-${size}.png`,
    sizes: `${size}x${size}`,
    type: "image/png",
  }));
  return `${JSON.stringify({ name: "Kith", short_name: "Kith", start_url: "/", display: "browser", theme_color: KITH_BRAND_COLOUR, background_color: "#ffffff", icons }, null, 2)}\n`;
}

/** Every icon file by name, as bytes. */
export function buildIcons(): Map<string, Buffer> {
  return new Map([
    ["favicon.svg", Buffer.from(faviconSvg())],
    ["favicon.ico", encodeIco([16, 32, 48].map((size) => ({ size, png: markPng(size) })))],
    ["icon-180.png", markPng(180)],
    ["icon-192.png", markPng(192)],
    ["icon-512.png", markPng(512)],
    ["manifest.json", Buffer.from(manifest())],
  ]);
}

if (import.meta.main) {
  for (const [name, bytes] of buildIcons()) await writeFile(join(iconsFolder, name), bytes);
  console.log(`Icons written to ${iconsFolder}`);
}
