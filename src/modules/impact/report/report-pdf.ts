import PDFDocument from "pdfkit";
import { formatNumber, formatPercent, formatPounds } from "../../../platform/ui/index.ts";
import type { ReportFigures } from "./report-figures.ts";
import { perPound } from "./report-html.ts";
import { volunteeringLine } from "./volunteering-line.ts";

const blue = "#1d70b8";
const black = "#0b0c0c";
const grey = "#505a5f";
const margin = 50;

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc
    .moveDown(0.8)
    .fillColor(blue)
    .rect(margin, doc.y, doc.page.width - 2 * margin, 2)
    .fill();
  doc.moveDown(0.4).fillColor(black).font("Helvetica-Bold").fontSize(16).text(text, margin);
  doc.moveDown(0.3).font("Helvetica").fontSize(10);
}

function keyValue(doc: Doc, key: string, value: string): void {
  const y = doc.y;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(black).text(key, margin, y, { width: 220 });
  const keyBottom = doc.y;
  doc.font("Helvetica").text(value, margin + 230, y, { width: doc.page.width - 2 * margin - 230 });
  doc.y = Math.max(doc.y, keyBottom) + 3;
}

function bars(
  doc: Doc,
  title: string,
  items: { label: string; value: number }[],
  format: (v: number) => string,
): void {
  if (items.length === 0) return;
  if (doc.y > doc.page.height - 60 - items.length * 18) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(10).text(title, margin);
  doc.moveDown(0.3);
  const max = Math.max(1, ...items.map((i) => i.value));
  const barWidth = doc.page.width - 2 * margin - 260;
  for (const item of items) {
    const y = doc.y;
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(black)
      .text(item.label, margin, y + 2, { width: 170, height: 12, ellipsis: true });
    doc
      .fillColor(blue)
      .rect(margin + 175, y, Math.max(1, (item.value / max) * barWidth), 12)
      .fill();
    doc.fillColor(black).text(format(item.value), margin + 180 + barWidth, y + 2, { width: 80 });
    doc.y = y + 17;
  }
  doc.moveDown(0.5);
}

function simpleTable(doc: Doc, head: string[], rows: string[][], widths: number[]): void {
  const draw = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    let x = margin;
    let bottom = y;
    cells.forEach((cell, i) => {
      doc
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(9)
        .fillColor(black)
        .text(cell, x, y, { width: widths[i] - 6, align: i === 0 ? "left" : "right" });
      bottom = Math.max(bottom, doc.y);
      x += widths[i];
    });
    doc
      .strokeColor("#b1b4b6")
      .moveTo(margin, bottom + 2)
      .lineTo(margin + widths.reduce((a, b) => a + b, 0), bottom + 2)
      .stroke();
    doc.y = bottom + 5;
  };
  draw(head, true);
  for (const row of rows) draw(row, false);
  doc.x = margin;
}

/** The annual report as a PDF: the same figures as the HTML, with bar charts drawn as vectors. */
export function renderReportPdf(figures: ReportFigures): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    info: {
      Title: `${figures.organisationName}: social impact report ${figures.year.label}${figures.scope.label ? ` (${figures.scope.label})` : ""}`,
      Author: figures.organisationName,
      Subject: "Social impact report",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const d = figures.dashboard;
  doc.font("Helvetica-Bold").fontSize(22).fillColor(black).text(`${figures.organisationName}`);
  doc.fontSize(18).text(`Social impact report ${figures.year.label}`);
  if (figures.scope.label) doc.fontSize(12).text(`This report covers only: ${figures.scope.label}`);
  doc.font("Helvetica").fontSize(10).fillColor(grey).text(`${figures.year.from} to ${figures.year.to}`);
  doc
    .moveDown()
    .fontSize(14)
    .fillColor(black)
    .text(
      `${perPound(d.socialValue.perPoundInvested)} of social value for every £1 invested${d.socialValue.prices ? `, ${d.socialValue.prices}` : ""}`,
    );
  doc
    .fontSize(9)
    .fillColor(grey)
    .text(
      `${formatPounds(d.socialValue.totalPence)} of social value for ${formatNumber(d.socialValue.people)} people, against ${formatPounds(d.socialValue.investedPence)} spent. Source of values: ${d.socialValue.source}.`,
    );

  heading(doc, "Key figures");
  keyValue(
    doc,
    "Residents reached",
    `${formatNumber(d.residentsReached.total)} (${formatNumber(d.residentsReached.lightTouch)} light-touch, ${formatNumber(d.residentsReached.inDepth)} in-depth)`,
  );
  keyValue(
    doc,
    "Tenants reached",
    `${formatNumber(d.tenantsReached.total)} (${formatNumber(d.tenantsReached.lightTouch)} light-touch, ${formatNumber(d.tenantsReached.inDepth)} in-depth)`,
  );
  keyValue(
    doc,
    "Volunteer input",
    `${formatNumber(d.volunteerInput.people)} volunteers, ${formatNumber(d.volunteerInput.hours, 1)} hours`,
  );
  const volunteering = volunteeringLine(d.verifiedVolunteering);
  keyValue(doc, "Verified volunteering", `${volunteering.figures}. ${volunteering.source}`);
  keyValue(
    doc,
    "Service-user input",
    `${formatNumber(d.serviceUserInput.people)} people, ${formatNumber(d.serviceUserInput.hours, 1)} hours`,
  );
  keyValue(
    doc,
    "Sessions and attendances",
    `${formatNumber(d.sessions)} sessions, ${formatNumber(d.attendances)} attendances`,
  );
  keyValue(
    doc,
    "Services within budget",
    `${d.servicesWithinBudget.withinBudget} of ${d.servicesWithinBudget.services}`,
  );
  keyValue(doc, "External funding secured", formatPounds(d.externalFundingSecuredPence));
  keyValue(doc, "External per £1 internal", perPound(d.investmentRatio.externalPerInternalPound));
  keyValue(
    doc,
    "Priority neighbourhoods",
    d.priorityNeighbourhoods.share === null
      ? "No community development sessions"
      : `${formatPercent(d.priorityNeighbourhoods.share)} of community development sessions (target 50%: ${d.priorityNeighbourhoods.met ? "met" : "not met"})`,
  );
  keyValue(
    doc,
    "SROI (3.5% discount)",
    `${formatPounds(figures.sroi.overall.presentValuePence)} present value; ${figures.sroi.overall.ratio === null ? "no inputs" : `£${figures.sroi.overall.ratio.toFixed(2)} per £1`}`,
  );

  heading(doc, "Reach through the year");
  bars(
    doc,
    "People reached each month",
    d.trend.map((t) => ({ label: t.month, value: t.people })),
    (v) => formatNumber(v),
  );

  heading(doc, "By theme");
  simpleTable(
    doc,
    ["Theme", "Residents", "In-depth", "Sessions", "Social value"],
    figures.themes.map((t) => [
      t.name,
      formatNumber(t.residents),
      formatNumber(t.inDepth),
      formatNumber(t.sessions),
      formatPounds(t.socialValuePence),
    ]),
    [195, 75, 75, 75, 75],
  );
  bars(
    doc,
    "Social value by theme",
    figures.themes.map((t) => ({ label: t.name, value: t.socialValuePence })),
    (v) => formatPounds(v),
  );

  heading(doc, "By area");
  simpleTable(
    doc,
    ["Area", "Sessions", "People", "Social value"],
    figures.areas.map((a) => [
      a.laName,
      formatNumber(a.sessions),
      formatNumber(a.people),
      formatPounds(a.socialValuePence),
    ]),
    [195, 100, 100, 100],
  );
  heading(doc, "Activity by neighbourhood (most deprived first)");
  const tiles = [...d.neighbourhoods]
    .sort((a, b) => (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || b.sessions - a.sessions)
    .slice(0, 15);
  simpleTable(
    doc,
    ["Neighbourhood", "IMD decile", "Priority", "Sessions"],
    tiles.map((n) => [
      n.name,
      String(n.imdDecile ?? "?"),
      n.priority ? "Yes" : "No",
      formatNumber(n.sessions),
    ]),
    [215, 90, 90, 100],
  );

  heading(doc, "Social return on investment by project");
  simpleTable(
    doc,
    ["Project", "Present value", "Inputs", "SROI"],
    figures.sroi.projects.map((p) => [
      p.projectName,
      formatPounds(p.sroi.presentValuePence),
      formatPounds(p.sroi.inputsPence),
      p.sroi.ratio === null ? "-" : `£${p.sroi.ratio.toFixed(2)} : £1`,
    ]),
    [215, 100, 100, 80],
  );

  heading(doc, "Stories");
  if (figures.stories.length === 0) doc.text("No stories were recorded this year.");
  for (const story of figures.stories) {
    doc.font("Helvetica-Oblique").fontSize(10).fillColor(black).text(`“${story.story}”`, margin);
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(grey)
      .text(`${story.projectName}, ${story.achievedOn}`)
      .moveDown(0.5);
  }
  doc
    .moveDown()
    .fontSize(8)
    .fillColor(grey)
    .text(
      `Method: HACT wellbeing valuation (one value per person per outcome per 12 months; deadweight applied; exclusions prevent double counting). SROI per the Cabinet Office guide, discounted at 3.5%. Source of values: ${d.socialValue.source}.`,
      margin,
    );
  doc.end();
  return done;
}
