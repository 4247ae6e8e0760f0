// GOV.UK table with MOJ sortable-table headers. Sorting happens on the server:
// each sortable header is a plain link to ?sort=key&dir=asc|desc, and the
// current column carries aria-sort, so it works with no JavaScript. We leave out
// data-module="moj-sortable-table" on purpose: its script would re-sort only
// the rows on this page and fight the server's order.
import { attrs, html, SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

export type SortDirection = "asc" | "desc";

export type TableHeadCell = {
  text: string;
  numeric?: boolean;
  /** The value of ?sort= for this column; absent means not sortable. */
  sortKey?: string;
  classes?: string;
};

export type TableCell =
  | string
  | number
  | SafeHtml
  | { content: string | number | SafeHtml; numeric?: boolean; classes?: string };

export type TableOptions = {
  caption?: string;
  captionClasses?: string;
  head: TableHeadCell[];
  rows: TableCell[][];
  /** Make the first cell of each row a row header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  sort?: { key: string; dir: SortDirection };
  /** Builds the href for a sort link; defaults to `?sort=key&dir=dir`. Pass one that keeps the page's filters. */
  sortHref?: (key: string, dir: SortDirection) => string;
  classes?: string;
  id?: string;
  /** Wrap in a box that scrolls sideways on small screens (default). Off for tables that are never shown. */
  scrollable?: boolean;
};

const arrows = {
  ascending: html`<svg class="kith-sort-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 1 11 8H1z"/></svg>`,
  descending: html`<svg class="kith-sort-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 11 1 4h10z"/></svg>`,
  none: html`<svg class="kith-sort-icon" width="12" height="16" viewBox="0 0 12 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 1 10 6H2zM6 15 2 10h8z"/></svg>`,
};

export function defaultSortHref(key: string, dir: SortDirection): string {
  return `?${new URLSearchParams({ sort: key, dir }).toString()}`;
}

function headCell(cell: TableHeadCell, options: TableOptions): SafeHtml {
  const classes = joinClasses(
    "govuk-table__header",
    cell.numeric && "govuk-table__header--numeric",
    cell.classes,
  );
  if (!cell.sortKey) return html`<th scope="col" class="${classes}">${cell.text}</th>`;
  const isCurrent = options.sort?.key === cell.sortKey;
  const ariaSort = isCurrent ? (options.sort?.dir === "desc" ? "descending" : "ascending") : "none";
  // Clicking the current column flips it; another column starts ascending.
  const nextDir: SortDirection = isCurrent && options.sort?.dir === "asc" ? "desc" : "asc";
  const href = (options.sortHref ?? defaultSortHref)(cell.sortKey, nextDir);
  return html`<th scope="col" class="${classes}" aria-sort="${ariaSort}"><a class="govuk-link govuk-link--no-visited-state kith-sort-link" href="${href}">${cell.text}${arrows[ariaSort]}</a></th>`;
}

function bodyCell(cell: TableCell, column: TableHeadCell | undefined, isRowHeader: boolean): SafeHtml {
  const detailed = typeof cell === "object" && !(cell instanceof SafeHtml) ? cell : { content: cell };
  const numeric = detailed.numeric ?? column?.numeric ?? false;
  if (isRowHeader)
    return html`<th scope="row" class="${joinClasses("govuk-table__header", detailed.classes)}">${detailed.content}</th>`;
  return html`<td class="${joinClasses("govuk-table__cell", numeric && "govuk-table__cell--numeric", detailed.classes)}">${detailed.content}</td>`;
}

export function table(options: TableOptions): SafeHtml {
  // On a phone a wide table scrolls inside its own box instead of widening the page (WCAG 1.4.10 reflow).
  // The box takes keyboard focus so it can be scrolled without a mouse, and is named after the table.
  const markup = html`<table${attrs({ class: joinClasses("govuk-table", options.classes), id: options.id })}>${
    options.caption
      ? html`<caption class="${joinClasses("govuk-table__caption", options.captionClasses ?? "govuk-table__caption--m")}">${options.caption}</caption>`
      : ""
  }<thead class="govuk-table__head"><tr class="govuk-table__row">${options.head.map((cell) => headCell(cell, options))}</tr></thead><tbody class="govuk-table__body">${options.rows.map(
    (row) =>
      html`<tr class="govuk-table__row">${row.map((cell, index) => bodyCell(cell, options.head[index], index === 0 && options.firstCellIsHeader === true))}</tr>`,
  )}</tbody></table>`;
  return options.scrollable === false
    ? markup
    : html`<div class="kith-table-scroll" role="group" tabindex="0" aria-label="${options.caption ?? "Table"}">${markup}</div>`;
}
