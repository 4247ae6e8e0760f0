import { html, type SafeHtml } from "../html.ts";

export type PaginationOptions = {
  currentPage: number;
  totalPages: number;
  /** Builds each page's link, so the caller keeps its filters and sort in the query string. */
  href: (page: number) => string;
  landmarkLabel?: string;
};

const previousArrow = html`<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>`;
const nextArrow = html`<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>`;

/** Page numbers to show: first, last, and the current page with one each side; `null` marks a gap. */
export function pageWindow(currentPage: number, totalPages: number): (number | null)[] {
  const wanted = new Set([1, totalPages, currentPage - 1, currentPage, currentPage + 1]);
  const pages = [...wanted].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const page of pages) {
    const last = out[out.length - 1];
    if (typeof last === "number" && page - last > 1) out.push(null);
    out.push(page);
  }
  return out;
}

/** Numbered GOV.UK pagination with previous and next links; nothing when there is only one page. */
export function pagination(options: PaginationOptions): SafeHtml {
  const { currentPage, totalPages } = options;
  if (totalPages <= 1) return html``;
  const previous =
    currentPage > 1
      ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${options.href(currentPage - 1)}" rel="prev">${previousArrow}<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>`
      : "";
  const next =
    currentPage < totalPages
      ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${options.href(currentPage + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>${nextArrow}</a></div>`
      : "";
  const items = pageWindow(currentPage, totalPages).map((page) =>
    page === null
      ? html`<li class="govuk-pagination__item govuk-pagination__item--ellipsis">&ctdot;</li>`
      : page === currentPage
        ? html`<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="${options.href(page)}" aria-label="Page ${page}" aria-current="page">${page}</a></li>`
        : html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="${options.href(page)}" aria-label="Page ${page}">${page}</a></li>`,
  );
  return html`<nav class="govuk-pagination" aria-label="${options.landmarkLabel ?? "Pagination"}">${previous}<ul class="govuk-pagination__list">${items}</ul>${next}</nav>`;
}
