import { KITH_BRAND_COLOUR, storedBrandColour } from "../../../platform/brand/index.ts";
import { type TaggedPdf, taggedPdf } from "../../../platform/pdf/tagged-pdf.ts";
import { formatNumber, formatPercent, formatPounds } from "../../../platform/ui/index.ts";
import type { ReportFigures } from "./report-figures.ts";
import { perPound } from "./report-html.ts";
import { volunteeringLine } from "./volunteering-line.ts";

const black = "#0b0c0c";
const grey = "#505a5f";
const margin = 50;

// Tagged (platform/pdf): headings are H1/H2, key figures and tables are tables with header cells,
// and each bar chart is a figure whose alternative text lists its bars.

/** The document with the organisation's colour, for the rules above headings and the bars. */
type ReportPdf = TaggedPdf & { accent: string };

function heading(pdf: ReportPdf, text: string): void {
  const { doc } = pdf;
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8);
  pdf.decoration(() =>
    doc
      .fillColor(pdf.accent)
      .rect(margin, doc.y, doc.page.width - 2 * margin, 2)
      .fill(),
  );
  doc.moveDown(0.4).fillColor(black).font("Helvetica-Bold").fontSize(16);
  doc.x = margin;
  pdf.heading(2, text);
  doc.moveDown(0.3).font("Helvetica").fontSize(10);
}

/** Key figures: a two-column table whose first cell in each row is its header. */
function keyValues(pdf: TaggedPdf, rows: [string, string][]): void {
  const { doc } = pdf;
  pdf.table((cell, endRow) => {
    for (const [key, value] of rows) {
      const y = doc.y;
      cell("TH", () =>
        doc.font("Helvetica-Bold").fontSize(10).fillColor(black).text(key, margin, y, { width: 220 }),
      );
      const keyBottom = doc.y;
      cell("TD", () =>
        doc.font("Helvetica").text(value, margin + 230, y, { width: doc.page.width - 2 * margin - 230 }),
      );
      endRow();
      doc.y = Math.max(doc.y, keyBottom) + 3;
    }
  });
}

function bars(
  pdf: ReportPdf,
  title: string,
  items: { label: string; value: number }[],
  format: (v: number) => string,
): void {
  const { doc } = pdf;
  if (items.length === 0) return;
  if (doc.y > doc.page.height - 60 - items.length * 18) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(10);
  doc.x = margin;
  pdf.paragraph(title);
  doc.moveDown(0.3);
  const max = Math.max(1, ...items.map((i) => i.value));
  const barWidth = doc.page.width - 2 * margin - 260;
  const alt = `Bar chart, ${title}: ${items.map((item) => `${item.label} ${format(item.value)}`).join("; ")}.`;
  pdf.figure(alt, () => {
    for (const item of items) {
      const y = doc.y;
      doc
        .font("Helvetica")
        .fontSize(9)
        .fillColor(black)
        .text(item.label, margin, y + 2, { width: 170, height: 12, ellipsis: true });
      doc
        .fillColor(pdf.accent)
        .rect(margin + 175, y, Math.max(1, (item.value / max) * barWidth), 12)
        .fill();
      doc.fillColor(black).text(format(item.value), margin + 180 + barWidth, y + 2, { width: 80 });
      doc.y = y + 17;
    }
  });
  doc.moveDown(0.5);
}

function simpleTable(pdf: TaggedPdf, head: string[], rows: string[][], widths: number[]): void {
  const { doc } = pdf;
  pdf.table((cell, endRow) => {
    const draw = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const y = doc.y;
      let x = margin;
      let bottom = y;
      cells.forEach((text, i) => {
        const left = x;
        cell(bold ? "TH" : "TD", () =>
          doc
            .font(bold ? "Helvetica-Bold" : "Helvetica")
            .fontSize(9)
            .fillColor(black)
            .text(text, left, y, { width: widths[i] - 6, align: i === 0 ? "left" : "right" }),
        );
        bottom = Math.max(bottom, doc.y);
        x += widths[i];
      });
      endRow();
      pdf.decoration(() =>
        doc
          .strokeColor("#b1b4b6")
          .moveTo(margin, bottom + 2)
          .lineTo(margin + widths.reduce((a, b) => a + b, 0), bottom + 2)
          .stroke(),
      );
      doc.y = bottom + 5;
    };
    draw(head, true);
    for (const row of rows) draw(row, false);
  });
  doc.x = margin;
}

/** The annual report as a PDF: the same figures as the HTML, with bar charts drawn as vectors. */
export function renderReportPdf(figures: ReportFigures): Promise<Buffer> {
  const pdf: ReportPdf = Object.assign(
    taggedPdf({
      title: `${figures.organisationName}: social impact report ${figures.year.label}${figures.scope.label ? ` (${figures.scope.label})` : ""}`,
      author: figures.organisationName,
      subject: "Social impact report",
      margin,
    }),
    { accent: storedBrandColour(figures.brandColour) ?? KITH_BRAND_COLOUR },
  );
  const { doc } = pdf;
  const d = figures.dashboard;
  pdf.decoration(() => doc.fillColor(pdf.accent).rect(0, 0, doc.page.width, 14).fill());
  doc.font("Helvetica-Bold").fontSize(22).fillColor(black);
  pdf.heading(1, `${figures.organisationName}`);
  doc.fontSize(18);
  pdf.paragraph(`Social impact report ${figures.year.label}`);
  if (figures.scope.label) {
    doc.fontSize(12);
    pdf.paragraph(`This report covers only: ${figures.scope.label}`);
  }
  doc.font("Helvetica").fontSize(10).fillColor(grey);
  pdf.paragraph(`${figures.year.from} to ${figures.year.to}`);
  doc.moveDown().fontSize(14).fillColor(black);
  pdf.paragraph(
    `${perPound(d.socialValue.perPoundInvested)} of social value for every £1 invested${d.socialValue.prices ? `, ${d.socialValue.prices}` : ""}`,
  );
  doc.fontSize(9).fillColor(grey);
  pdf.paragraph(
    `${formatPounds(d.socialValue.totalPence)} of social value for ${formatNumber(d.socialValue.people)} people, against ${formatPounds(d.socialValue.investedPence)} spent. Source of values: ${d.socialValue.source}.`,
  );

  heading(pdf, "Key figures");
  const volunteering = volunteeringLine(d.verifiedVolunteering);
  keyValues(pdf, [
    [
      "Residents reached",
      `${formatNumber(d.residentsReached.total)} (${formatNumber(d.residentsReached.lightTouch)} light-touch, ${formatNumber(d.residentsReached.inDepth)} in-depth)`,
    ],
    [
      "Tenants reached",
      `${formatNumber(d.tenantsReached.total)} (${formatNumber(d.tenantsReached.lightTouch)} light-touch, ${formatNumber(d.tenantsReached.inDepth)} in-depth)`,
    ],
    [
      "Volunteer input",
      `${formatNumber(d.volunteerInput.people)} volunteers, ${formatNumber(d.volunteerInput.hours, 1)} hours`,
    ],
    ["Verified volunteering", `${volunteering.figures}. ${volunteering.source}`],
    [
      "Service-user input",
      `${formatNumber(d.serviceUserInput.people)} people, ${formatNumber(d.serviceUserInput.hours, 1)} hours`,
    ],
    [
      "Sessions and attendances",
      `${formatNumber(d.sessions)} sessions, ${formatNumber(d.attendances)} attendances`,
    ],
    [
      "Services within budget",
      `${d.servicesWithinBudget.withinBudget} of ${d.servicesWithinBudget.services}`,
    ],
    ["External funding secured", formatPounds(d.externalFundingSecuredPence)],
    ["External per £1 internal", perPound(d.investmentRatio.externalPerInternalPound)],
    [
      "Priority neighbourhoods",
      d.priorityNeighbourhoods.share === null
        ? "No community development sessions"
        : `${formatPercent(d.priorityNeighbourhoods.share)} of community development sessions (target 50%: ${d.priorityNeighbourhoods.met ? "met" : "not met"})`,
    ],
    [
      "SROI (3.5% discount)",
      `${formatPounds(figures.sroi.overall.presentValuePence)} present value; ${figures.sroi.overall.ratio === null ? "no inputs" : `£${figures.sroi.overall.ratio.toFixed(2)} per £1`}`,
    ],
  ]);

  heading(pdf, "Reach through the year");
  bars(
    pdf,
    "People reached each month",
    d.trend.map((t) => ({ label: t.month, value: t.people })),
    (v) => formatNumber(v),
  );

  heading(pdf, "By theme");
  simpleTable(
    pdf,
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
    pdf,
    "Social value by theme",
    figures.themes.map((t) => ({ label: t.name, value: t.socialValuePence })),
    (v) => formatPounds(v),
  );

  heading(pdf, "By area");
  simpleTable(
    pdf,
    ["Area", "Sessions", "People", "Social value"],
    figures.areas.map((a) => [
      a.laName,
      formatNumber(a.sessions),
      formatNumber(a.people),
      formatPounds(a.socialValuePence),
    ]),
    [195, 100, 100, 100],
  );
  heading(pdf, "Activity by neighbourhood (most deprived first)");
  const tiles = [...d.neighbourhoods]
    .sort((a, b) => (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || b.sessions - a.sessions)
    .slice(0, 15);
  simpleTable(
    pdf,
    ["Neighbourhood", "IMD decile", "Priority", "Sessions"],
    tiles.map((n) => [
      n.name,
      String(n.imdDecile ?? "?"),
      n.priority ? "Yes" : "No",
      formatNumber(n.sessions),
    ]),
    [215, 90, 90, 100],
  );

  heading(pdf, "Social return on investment by project");
  simpleTable(
    pdf,
    ["Project", "Present value", "Inputs", "SROI"],
    figures.sroi.projects.map((p) => [
      p.projectName,
      formatPounds(p.sroi.presentValuePence),
      formatPounds(p.sroi.inputsPence),
      p.sroi.ratio === null ? "-" : `£${p.sroi.ratio.toFixed(2)} : £1`,
    ]),
    [215, 100, 100, 80],
  );

  heading(pdf, "Stories");
  if (figures.stories.length === 0) pdf.paragraph("No stories were recorded this year.");
  for (const story of figures.stories) {
    doc.x = margin;
    doc.font("Helvetica-Oblique").fontSize(10).fillColor(black);
    pdf.paragraph(`“${story.story}”`);
    doc.font("Helvetica").fontSize(8).fillColor(grey);
    pdf.paragraph(`${story.projectName}, ${story.achievedOn}`);
    doc.moveDown(0.5);
  }
  doc.moveDown().fontSize(8).fillColor(grey);
  doc.x = margin;
  pdf.paragraph(
    `Method: HACT wellbeing valuation (one value per person per outcome per 12 months; deadweight applied; exclusions prevent double counting). SROI per the Cabinet Office guide, discounted at 3.5%. Source of values: ${d.socialValue.source}.`,
  );
  return pdf.finish();
}
