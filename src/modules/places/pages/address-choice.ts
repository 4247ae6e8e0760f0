import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { button, html, radios, type SafeHtml, textInput } from "../../../platform/ui/index.ts";
import { type AddressMatch, searchAddresses } from "../queries/search-addresses.ts";

// Choosing a home (or a block or open space) by address or postcode, without JavaScript, on any form
// where one is chosen: the person types part of an address, presses "Find address" (a submit with
// intent "find-address" that saves nothing), and picks from the matches. The search is repeated on
// every render, so the choice survives the form's other round trips. The radio's value is
// "home:<id>", "block:<name>" or "open-space:<id>"; the form's command checks it again.

/** What a form lets the person choose: any place (a case's location), or only a home. */
export type AddressKinds = "any" | "home";

export type AddressSearch = { matches: AddressMatch[] | null; errors: FieldErrors };

// One search per request: the error summary and the form both need it on a "Find address" submit.
const searches = new WeakMap<Context<AppEnv>, Map<string, Promise<AddressSearch>>>();

/** The matches for the form's address search (field `addressSearch`), or its error (fewer than 2 characters …). */
export function runAddressSearch(
  c: Context<AppEnv>,
  actor: Actor,
  values: Record<string, string>,
  required: boolean,
  kinds: AddressKinds = "any",
): Promise<AddressSearch> {
  const text = values.addressSearch ?? "";
  // Whether the search is required only matters when it is empty.
  const key = `${text.trim() ? "" : required}:${kinds}:${text}`;
  const done = searches.get(c) ?? new Map<string, Promise<AddressSearch>>();
  searches.set(c, done);
  const found = done.get(key) ?? searchFor(c, actor, text, required, kinds);
  done.set(key, found);
  return found;
}

async function searchFor(
  c: Context<AppEnv>,
  actor: Actor,
  text: string,
  required: boolean,
  kinds: AddressKinds,
): Promise<AddressSearch> {
  if (!text.trim() && !required) return { matches: null, errors: {} };
  const result = await attemptForForm(() => searchAddresses(c.get("services").database.db, actor, text));
  if (!result.ok)
    return { matches: null, errors: { addressSearch: result.errors.q ?? result.problem.title } };
  return {
    matches: kinds === "home" ? result.value.filter((m) => m.kind === "home") : result.value,
    errors: {},
  };
}

const choiceValue = (match: AddressMatch) =>
  match.kind === "home"
    ? `home:${match.id}`
    : match.kind === "block"
      ? `block:${match.blockName}`
      : `open-space:${match.id}`;

const choiceText = (match: AddressMatch) =>
  match.kind === "home"
    ? `${match.address}, ${match.postcode}`
    : match.kind === "block"
      ? `${match.blockName} (block of ${match.homes} ${match.homes === 1 ? "home" : "homes"}), ${match.postcode}`
      : `${match.name}${match.address ? `, ${match.address}` : ""}${match.postcode ? `, ${match.postcode}` : ""} (open space)`;

/** The chosen radio value split into its kind and id (or block name); undefined when nothing was chosen. */
export function parseAddressChoice(value: string | undefined): { kind: string; id: string } | undefined {
  if (!value) return undefined;
  const [kind = "", ...rest] = value.split(":");
  return { kind, id: rest.join(":") };
}

/** The search field (`addressSearch`), its button, and the matches to choose from (radios named `place`). */
export function addressChoiceFields(
  values: Record<string, string>,
  search: AddressSearch,
  errors: FieldErrors,
  kinds: AddressKinds = "any",
): SafeHtml {
  const matches = search.matches;
  const what = kinds === "home" ? "home" : "place";
  return html`<div class="govuk-form-group">
    ${textInput({ name: "addressSearch", label: "Address or postcode", hint: "For example, 12 Heron Court or ME4 4QR. Then choose from the matches.", type: "search", value: values.addressSearch, error: search.errors.addressSearch ?? errors.addressSearch })}
    ${button({ text: "Find address", variant: "secondary", name: "intent", value: "find-address" })}
    ${
      matches === null
        ? ""
        : matches.length === 0
          ? html`<p class="govuk-body" id="place-none">${kinds === "home" ? "No homes match" : "No homes, blocks or open spaces match"}. Check the spelling, or try the postcode.</p>`
          : radios({
              name: "place",
              legend: {
                text: `Choose the ${what} (${matches.length} ${matches.length === 1 ? "match" : "matches"})`,
                classes: "govuk-fieldset__legend--s",
              },
              value: values.place,
              error: errors.place,
              small: true,
              items: matches.map((m) => ({ value: choiceValue(m), text: choiceText(m) })),
            })
    }
  </div>`;
}
