// MOJ case-work patterns: timeline, filter layout, page header with actions.

import { formatDateTime, isoDateTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type ButtonOptions, button } from "./button.ts";

export type TimelineItem = {
  title: string;
  /** Who did it, shown as "by …". */
  by?: string;
  at: Date | string;
  description?: string | SafeHtml;
};

export function timeline(items: TimelineItem[], headingLevel: 2 | 3 | 4 = 2): SafeHtml {
  return html`<div class="moj-timeline">${items.map(
    (item) =>
      html`<div class="moj-timeline__item"><div class="moj-timeline__header"><h${headingLevel} class="moj-timeline__title">${item.title}</h${headingLevel}> ${
        item.by ? html`<p class="moj-timeline__byline">by ${item.by}</p>` : ""
      }</div><p class="moj-timeline__date"><time datetime="${isoDateTime(item.at)}">${formatDateTime(item.at)}</time></p><div class="moj-timeline__description">${item.description ?? ""}</div></div>`,
  )}</div>`;
}

export type FilterLayoutOptions = {
  /** Where the filter form submits (GET), usually the current path. */
  action: string;
  heading?: string;
  /** The filter fields: checkboxes, selects, a search box. */
  filters: SafeHtml;
  /** Selected filters as links that remove them, grouped by category. */
  selected?: {
    clearHref: string;
    categories: { heading: string; items: { text: string; href: string }[] }[];
  };
  /** Hidden fields that the form should keep, e.g. the current sort. */
  keep?: Record<string, string>;
  submitText?: string;
  results: SafeHtml;
};

/**
 * MOJ filter layout without the show/hide script: the filter is a plain GET form
 * beside the results, so filtering works with no JavaScript and the URL can be
 * bookmarked and shared.
 */
export function filterLayout(options: FilterLayoutOptions): SafeHtml {
  const selected = options.selected;
  const selectedHtml = selected?.categories.some((category) => category.items.length)
    ? html`<div class="moj-filter__selected"><div class="moj-filter__selected-heading"><div class="moj-filter__heading-title"><h2 class="govuk-heading-m">Selected filters</h2></div> <div class="moj-filter__heading-action"><p><a class="govuk-link govuk-link--no-visited-state" href="${selected.clearHref}">Clear filters</a></p></div></div>${selected.categories
        .filter((category) => category.items.length)
        .map(
          (category) =>
            html`<h3 class="govuk-heading-s govuk-!-margin-bottom-0">${category.heading}</h3><ul class="moj-filter-tags">${category.items.map(
              (item) =>
                html`<li><a class="moj-filter__tag" href="${item.href}"><span class="govuk-visually-hidden">Remove this filter</span> ${item.text}</a></li>`,
            )}</ul>`,
        )}</div>`
    : "";
  const kept = Object.entries(options.keep ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return html`<div class="moj-filter-layout"><div class="moj-filter-layout__filter"><form method="get" action="${options.action}" novalidate><div class="moj-filter"><div class="moj-filter__header"><div class="moj-filter__header-title"><h2 class="govuk-heading-m">${options.heading ?? "Filter"}</h2></div><div class="moj-filter__header-action"></div></div><div class="moj-filter__content">${selectedHtml}<div class="moj-filter__options">${kept}${button({ text: options.submitText ?? "Apply filters" })}${options.filters}</div></div></div></form></div><div class="moj-filter-layout__content">${options.results}</div></div>`;
}

export type PageHeaderActionsOptions = {
  heading: string;
  headingClasses?: string;
  /** 1 on a record's own page; lower when the header sits inside a larger page. */
  headingLevel?: 1 | 2 | 3;
  /** Buttons, usually links: "Add case", "Export". */
  actions?: ButtonOptions[];
};

/** The page's h1 with buttons aligned to the right. */
export function pageHeaderActions(options: PageHeaderActionsOptions): SafeHtml {
  const level = options.headingLevel ?? 1;
  return html`<div class="moj-page-header-actions"><div class="moj-page-header-actions__title"><h${level} class="${options.headingClasses ?? "govuk-heading-xl"}">${options.heading}</h${level}></div>${
    options.actions?.length
      ? html`<div class="moj-page-header-actions__actions"><div class="moj-button-group moj-button-group--inline">${options.actions.map((action) => button(action))}</div></div>`
      : ""
  }</div>`;
}
