import { inflateRawSync } from "node:zlib";
import { invalid, tooLarge } from "../http/problem.ts";

// One check for every uploaded file: the content (magic bytes, and for Office files the zip's
// own content types) must match an allowed type, whatever name or type the browser claims.

/** Uploads larger than this are refused with 413, in every module. */
export const maxUploadFileBytes = 10 * 1024 * 1024;

export type FileKind = "pdf" | "jpeg" | "png" | "mp3" | "docx" | "xlsx";

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((value, i) => bytes[i] === value);

/** The main part's content type an Office Open XML file names in its [Content_Types].xml. */
const officeMainPart: Partial<Record<FileKind, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

const fileKinds: Record<
  FileKind,
  { contentType: string; extensions: string[]; label: string; matches: (b: Uint8Array) => boolean }
> = {
  pdf: {
    contentType: "application/pdf",
    extensions: ["pdf"],
    label: "PDF",
    matches: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46),
  },
  jpeg: {
    contentType: "image/jpeg",
    extensions: ["jpg", "jpeg"],
    label: "JPG",
    matches: (b) => startsWith(b, 0xff, 0xd8, 0xff),
  },
  png: {
    contentType: "image/png",
    extensions: ["png"],
    label: "PNG",
    matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47),
  },
  mp3: {
    contentType: "audio/mpeg",
    extensions: ["mp3"],
    label: "MP3",
    matches: (b) => startsWith(b, 0x49, 0x44, 0x33) || (b[0] === 0xff && (b[1] ?? 0) >= 0xe0),
  },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "Word document (DOCX)",
    matches: (b) => officeContentTypes(b)?.includes(officeMainPart.docx ?? "") ?? false,
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "Excel spreadsheet (XLSX)",
    matches: (b) => officeContentTypes(b)?.includes(officeMainPart.xlsx ?? "") ?? false,
  },
};

/** "PDF, JPG or PNG": the allowed kinds as people read them. */
export function describeKinds(kinds: readonly FileKind[]): string {
  const labels = kinds.map((kind) => fileKinds[kind].label);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** The `accept` attribute for a file input: a hint to the browser, never the check itself. */
export function acceptAttribute(kinds: readonly FileKind[]): string {
  return kinds.flatMap((kind) => fileKinds[kind].extensions.map((ext) => `.${ext}`)).join(",");
}

/**
 * The text of [Content_Types].xml inside a zip (an Office Open XML file), or undefined when the
 * bytes are not a zip or hold no such part. Reads the central directory, so sizes are right even
 * when the writer streamed the entries.
 */
function officeContentTypes(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes at the end.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return undefined;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    if (name === "[Content_Types].xml") return readEntry(bytes, view, localOffset, method, compressedSize);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

function readEntry(
  bytes: Uint8Array,
  view: DataView,
  localOffset: number,
  method: number,
  compressedSize: number,
): string | undefined {
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) return undefined;
  const start =
    localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  const data = bytes.subarray(start, start + compressedSize);
  try {
    if (method === 0) return Buffer.from(data).toString("utf8");
    // A content-types part is a few kilobytes; the cap stops a zip bomb.
    if (method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 }).toString("utf8");
  } catch {
    return undefined;
  }
  return undefined;
}

export type CheckedFile = { contentType: string; fileName: string; kind: FileKind };

/**
 * Checks an uploaded file: not empty, smaller than 10 MB (413), and by content one of `allowed`
 * with a matching extension (422 naming `field`). Returns a safe name to store and send back.
 */
export function checkUploadedFile(
  fileName: string,
  bytes: Uint8Array,
  options: { allowed: readonly FileKind[]; field: string },
): CheckedFile {
  const shownName = fileName.slice(0, 80);
  if (bytes.length === 0)
    throw invalid("The file is empty.", { [options.field]: "The selected file is empty" });
  if (bytes.length > maxUploadFileBytes)
    throw tooLarge(`${shownName || "The file"} is too large: each file must be smaller than 10 MB.`);
  if (isHeic(bytes))
    throw invalid("HEIC photos cannot be used.", {
      [options.field]: `${shownName} is an iPhone HEIC photo, which we cannot open. Send it as a JPG: on the iPhone, share it by email or set Camera formats to Most Compatible`,
    });
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const kind = options.allowed.find((k) => fileKinds[k].extensions.includes(extension));
  if (!kind || !fileKinds[kind].matches(bytes))
    throw invalid("The file is not an allowed type.", {
      [options.field]: `The selected file must be a ${describeKinds(options.allowed)}${fileName ? ` (${shownName} is not)` : ""}`,
    });
  const safeName = fileName.replace(/[^\w.\- ]+/g, "_").slice(-120) || `upload.${extension}`;
  return { contentType: fileKinds[kind].contentType, fileName: safeName, kind };
}

/** HEIC/HEIF (iPhone photos): an ISO media file whose brand is one of these. */
const heicBrands = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);
function isHeic(bytes: Uint8Array): boolean {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && text(4, 8) === "ftyp" && heicBrands.has(text(8, 12));
}
