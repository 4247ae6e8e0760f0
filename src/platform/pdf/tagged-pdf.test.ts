import { describe, expect, it } from "vitest";
import { readingOrder, structureOf } from "../../../test/pdf-structure.ts";
import { taggedPdf } from "./tagged-pdf.ts";

// Issue 16 item 3: a PDF that a screen reader can read — language, title, headings, tables with
// header cells, charts with alternative text, decoration left out of the reading order.

describe("tagged PDF", () => {
  it("records the language and title, and tags headings, paragraphs, tables and figures in reading order", async () => {
    const pdf = taggedPdf({ title: "Social impact report 2026/27 – Medway", lang: "en-GB" });
    pdf.decoration(() => pdf.doc.rect(20, 20, 100, 100).stroke());
    pdf.heading(1, "Social impact report");
    pdf.paragraph("What our community work achieved this year.");
    pdf.heading(2, "Spending by theme");
    pdf.table((cell, endRow) => {
      cell("TH", () => pdf.doc.text("Theme"));
      cell("TH", () => pdf.doc.text("Spent"));
      endRow();
      cell("TD", () => pdf.doc.text("Employment"));
      cell("TD", () => pdf.doc.text("£12,000"));
      endRow();
    });
    pdf.figure("Bar chart: employment £12,000", () => pdf.doc.rect(100, 400, 40, 80).fill());
    const structure = structureOf(await pdf.finish());

    expect(structure).toMatchObject({
      lang: "en-GB",
      title: "Social impact report 2026/27 – Medway",
      marked: true,
      displayTitle: true,
    });
    expect(readingOrder(structure.root)).toEqual([
      "StructTreeRoot",
      "Document",
      "H1",
      "P",
      "H2",
      "Table",
      "TR",
      "TH",
      "TH",
      "TR",
      "TD",
      "TD",
      "Figure",
    ]);
    const figure = structure.root?.children[0]?.children.find((node) => node.type === "Figure");
    expect(figure?.alt).toBe("Bar chart: employment £12,000");
    // Every tagged element points at content drawn on the page.
    const leaves = structure.root?.children[0]?.children.filter((node) => node.children.length === 0) ?? [];
    expect(leaves.every((node) => node.markedContent > 0)).toBe(true);
  });

  it("finds no structure in an untagged PDF, so the check can fail", async () => {
    const { default: PDFDocument } = await import("pdfkit");
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
    doc.text("Hello");
    doc.end();
    expect(structureOf(await done)).toMatchObject({ root: null, marked: false, lang: null });
  });
});
