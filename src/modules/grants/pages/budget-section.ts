import { formatDate, html, type SafeHtml, table } from "../../../platform/ui/index.ts";
import type { DocumentSummary } from "../commands/application-documents.ts";
import { budgetMismatch, budgetTotalPence } from "../commands/budget-lines.ts";
import {
  applicationDocumentTypes,
  budgetCategories,
  type GrantApplication,
  type GrantBudgetLine,
} from "../schema.ts";
import { money } from "./page-helpers.ts";

// The budget lines and documents of one application, as the applicant, the check page and the
// assessors see them. `actions` adds the applicant's change and remove controls to each row.

export function budgetTable(
  application: Pick<GrantApplication, "amountRequestedPence">,
  lines: GrantBudgetLine[],
  actions?: (line: GrantBudgetLine) => SafeHtml,
): SafeHtml {
  if (lines.length === 0) return html`<p class="govuk-body">No budget lines yet.</p>`;
  const mismatch = budgetMismatch(application, lines);
  return html`${table({
    caption: "Budget lines",
    captionClasses: "govuk-table__caption--s",
    head: [
      { text: "What the money is for" },
      { text: "Category" },
      { text: "Other funding" },
      { text: "Cost", numeric: true },
      ...(actions ? [{ text: "Actions" }] : []),
    ],
    rows: [
      ...lines.map((line) => [
        line.description,
        line.category ? budgetCategories[line.category] : "Not given",
        line.otherFunding ? "Yes, partly" : "No",
        { content: money(line.amountPence), numeric: true },
        ...(actions ? [actions(line)] : []),
      ]),
      [
        html`<strong>Total</strong>`,
        "",
        "",
        { content: html`<strong>${money(budgetTotalPence(lines))}</strong>`, numeric: true },
        ...(actions ? [""] : []),
      ],
    ],
  })}
  <p class="govuk-body">Amount asked for: ${money(application.amountRequestedPence)}.${mismatch ? "" : " The budget lines add up to it."}</p>
  ${mismatch ? html`<p class="govuk-body"><strong>${mismatch}.</strong></p>` : ""}`;
}

export function documentsTable(
  documents: DocumentSummary[],
  downloadBase: string,
  actions?: (document: DocumentSummary) => SafeHtml,
): SafeHtml {
  if (documents.length === 0) return html`<p class="govuk-body">No documents uploaded.</p>`;
  return table({
    caption: "Documents",
    captionClasses: "govuk-table__caption--s",
    head: [
      { text: "Document" },
      { text: "File" },
      { text: "Size", numeric: true },
      { text: "Uploaded" },
      ...(actions ? [{ text: "Actions" }] : []),
    ],
    rows: documents.map((document) => [
      applicationDocumentTypes[document.documentType],
      html`<a class="govuk-link" href="${downloadBase}/${document.id}">${document.fileName}</a>`,
      { content: fileSize(document.sizeBytes), numeric: true },
      formatDate(document.createdAt),
      ...(actions ? [actions(document)] : []),
    ]),
  });
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
