// An uploaded logo is an SVG (checked by svg-check.ts) or a PNG (checked by its signature,
// its header and its size). Anything else is refused with a reason the person can act on.
import { checkSvg } from "./svg-check.ts";

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_PIXELS = 4000;

export type LogoContentType = "image/svg+xml" | "image/png";
export type LogoCheck = { ok: true; contentType: LogoContentType } | { ok: false; message: string };

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function checkPng(bytes: Uint8Array): LogoCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = bytes.length >= 33 && new TextDecoder().decode(bytes.subarray(12, 16)) === "IHDR";
  if (!ihdr) return { ok: false, message: "The PNG file is damaged: choose another logo" };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) {
    return {
      ok: false,
      message: `The PNG logo is ${width} × ${height} pixels: it must be at most ${MAX_LOGO_PIXELS} pixels wide and high`,
    };
  }
  return { ok: true, contentType: "image/png" };
}

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "Choose a logo file (SVG or PNG)" };
  if (bytes.length > MAX_LOGO_BYTES)
    return { ok: false, message: `The logo must be smaller than ${MAX_LOGO_BYTES / 1024} KB` };
  if (pngSignature.every((byte, index) => bytes[index] === byte)) return checkPng(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "The logo must be an SVG or PNG file" };
  }
  if (!/<svg[\s>]/.test(text)) return { ok: false, message: "The logo must be an SVG or PNG file" };
  const svg = checkSvg(text);
  if (!svg.ok) return { ok: false, message: `The SVG logo was refused because it contains ${svg.reason}` };
  return { ok: true, contentType: "image/svg+xml" };
}
