import { html, type SafeHtml } from "../html.ts";
import { button } from "./button.ts";
import { textInput } from "./single-fields.ts";

export type LiveSearchFormOptions = {
  /** The page itself: without JavaScript the form is a plain GET that renders the results in the page. */
  action: string;
  /** The results alone, for assets/live-search.js to fetch as the person types. */
  resultsUrl: string;
  /** The id of the element the results go in. */
  resultsId: string;
  value?: string;
  error?: string;
};

/**
 * The register search box (name, postcode or reference) that searches as you type where scripts run,
 * and is a plain search form where they do not.
 */
export function liveSearchForm(options: LiveSearchFormOptions): SafeHtml {
  return html`<form method="get" action="${options.action}" data-kith-live-search="${options.resultsUrl}" data-kith-results="${options.resultsId}" role="search">
    ${textInput({ name: "q", label: "Search by name, postcode or reference", hint: "At least 2 characters, for example the start of a first or last name", type: "search", value: options.value, error: options.error, spellcheck: false, autocomplete: "off" })}
    ${button({ text: "Search", variant: "secondary" })}
  </form>`;
}

/** A results heading such as "The first 25 people found for “smi”" or "1 person found for “ann”". */
export function foundHeading(count: number, limit: number, query: string): string {
  return `${count === limit ? `The first ${limit}` : count} ${count === 1 ? "person" : "people"} found for “${query.trim()}”`;
}
