import PDFDocument from "pdfkit";

// Every PDF Kith makes (letters, certificates, the impact report) is a tagged PDF, so a screen
// reader finds its language, title, headings in order, tables with header cells, and alternative
// text for charts (issue 16, item 3; WCAG 2.2 applies to documents as well as pages). Decoration
// such as borders is marked as an artifact so that it is skipped.

export type PdfDoc = InstanceType<typeof PDFDocument>;
type Structure = ReturnType<PdfDoc["struct"]>;
type TextOptions = PDFKit.Mixins.TextOptions;

export type TaggedPdfOptions = {
  title: string;
  author?: string;
  subject?: string;
  lang?: string;
  layout?: "portrait" | "landscape";
  margin?: number;
};

export type TaggedPdf = {
  /** The pdfkit document, for fonts, colours and positions. */
  doc: PdfDoc;
  heading(level: 1 | 2 | 3, text: string, options?: TextOptions): void;
  paragraph(text: string, options?: TextOptions): void;
  /** A table: the first row is header cells (TH), each later row data cells (TD). Drawing is the caller's. */
  table(draw: (cell: (kind: "TH" | "TD", write: () => void) => void, endRow: () => void) => void): void;
  /** A chart or picture, with the text a screen reader says instead. */
  figure(alt: string, draw: () => void): void;
  /** Drawing that carries no meaning (borders, rules): skipped by assistive technology. */
  decoration(draw: () => void): void;
  /** Ends the document and gives its bytes. */
  finish(): Promise<Buffer>;
};

export function taggedPdf(options: TaggedPdfOptions): TaggedPdf {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margin: options.margin ?? 60,
    tagged: true,
    displayTitle: true,
    lang: options.lang ?? "en-GB",
    pdfVersion: "1.7",
    // pdfkit cannot take an undefined entry in info.
    info: Object.fromEntries(
      Object.entries({ Title: options.title, Author: options.author, Subject: options.subject }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const document: Structure = doc.struct("Document");
  doc.addStructure(document);

  const tagged = (type: string, write: () => void, extra: Record<string, string> = {}): Structure => {
    const element = doc.struct(type, extra, write);
    document.add(element);
    return element;
  };

  return {
    doc,
    heading: (level, text, textOptions) => void tagged(`H${level}`, () => doc.text(text, textOptions)),
    paragraph: (text, textOptions) => void tagged("P", () => doc.text(text, textOptions)),
    figure: (alt, draw) => void tagged("Figure", draw, { alt }),
    decoration: (draw) => {
      doc.markContent("Artifact");
      draw();
      doc.endMarkedContent();
    },
    table: (draw) => {
      const table = doc.struct("Table");
      document.add(table);
      let row: Structure | null = null;
      draw(
        (kind, write) => {
          if (row === null) {
            row = doc.struct("TR");
            table.add(row);
          }
          row.add(doc.struct(kind, {}, write));
        },
        () => {
          row?.end();
          row = null;
        },
      );
      (row as Structure | null)?.end();
      table.end();
    },
    finish: () => {
      document.end();
      doc.end();
      return done;
    },
  };
}
