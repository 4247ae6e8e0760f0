// Test-only: reads the structure tree of a PDF that Kith wrote (pdfkit writes its dictionaries as
// plain text; only page content is compressed), so a test can check what a screen reader gets.

export type StructureNode = { type: string; alt?: string; children: StructureNode[]; markedContent: number };

export type PdfStructure = {
  lang: string | null;
  title: string | null;
  marked: boolean;
  displayTitle: boolean;
  root: StructureNode | null;
};

function objectsOf(text: string): Map<number, string> {
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g))
    objects.set(Number(match[1]), match[2]);
  return objects;
}

/** A PDF string literal's text (pdfkit writes titles and alternative text as UTF-16 hex or literals). */
function pdfString(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.startsWith("<")) {
    const hex = raw.slice(1, -1);
    const bytes = Buffer.from(hex, "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
    return bytes.toString("latin1");
  }
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  const latin = raw
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|.)/g, (_, code: string) =>
      /^[0-7]+$/.test(code) ? String.fromCharCode(Number.parseInt(code, 8)) : (escapes[code] ?? code),
    );
  const bytes = Buffer.from(latin, "latin1");
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  return latin;
}

/** The raw string after /Key, following an indirect reference ("18 0 R") to the object that holds it. */
function stringValue(objects: Map<number, string>, body: string, key: string): string | undefined {
  const after = body.split(`/${key} `)[1] ?? "";
  const reference = /^(\d+) 0 R/.exec(after);
  const source = reference ? (objects.get(Number(reference[1])) ?? "") : after;
  return /(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)/.exec(source)?.[1];
}

export function structureOf(pdf: Buffer): PdfStructure {
  const text = pdf.toString("latin1");
  const objects = objectsOf(text);
  const catalog = [...objects.values()].find((body) => /\/Type \/Catalog/.test(body)) ?? "";
  const info =
    objects.get(Number(/\/Info (\d+) 0 R/.exec(text.slice(text.lastIndexOf("trailer")))?.[1])) ?? "";
  const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog);
  const rootRef = /\/StructTreeRoot (\d+) 0 R/.exec(catalog);
  const viewer = /\/ViewerPreferences (\d+) 0 R/.exec(catalog);
  const node = (id: number): StructureNode => {
    const body = objects.get(id) ?? "";
    const kids = /\/K \[([^\]]*)\]/.exec(body)?.[1] ?? "";
    const children = [...kids.matchAll(/(\d+) 0 R/g)].map((ref) => node(Number(ref[1])));
    const markedContent =
      [...kids.replace(/\d+ 0 R/g, "").matchAll(/<<[^>]*\/MCID/g)].length +
      [...kids.replace(/\d+ 0 R/g, "").matchAll(/(?:^|\s)\d+(?=\s|$)/g)].length;
    const alt = pdfString(stringValue(objects, body, "Alt"));
    return {
      type: /\/S \/(\w+)/.exec(body)?.[1] ?? "StructTreeRoot",
      ...(alt ? { alt } : {}),
      children,
      markedContent,
    };
  };
  return {
    lang: pdfString(stringValue(objects, catalog, "Lang")),
    title: pdfString(stringValue(objects, info, "Title")),
    marked: markInfo
      ? /\/Marked true/.test(objects.get(Number(markInfo[1])) ?? "")
      : /\/Marked true/.test(catalog),
    displayTitle: viewer
      ? /\/DisplayDocTitle true/.test(objects.get(Number(viewer[1])) ?? "")
      : /\/DisplayDocTitle true/.test(catalog),
    root: rootRef ? node(Number(rootRef[1])) : null,
  };
}

/** The structure types in reading order, depth first, for example ["Document", "H1", "P"]. */
export function readingOrder(node: StructureNode | null): string[] {
  if (node === null) return [];
  return [node.type, ...node.children.flatMap(readingOrder)];
}
