import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { button, html, radios, type SafeHtml, textInput } from "../../../platform/ui/index.ts";
import { type AddressMatch, homeById, openSpaceById, searchPlaces } from "../neighbours.ts";

// Choosing where something happened by address or postcode, without JavaScript: the officer types part
// of an address, presses "Find address", and picks a home, block or open space from the matches.
// The search is repeated on every render, so the choice survives the form's other round trips.

export type PlaceChoice = {
  locationType: "home" | "block" | "open-space";
  homeId: string | null;
  blockName: string | null;
  locationDescription: string | null;
  laCode: string | null;
};

export type PlaceSearch = { matches: AddressMatch[] | null; errors: FieldErrors };

/** What a form lets the officer choose: any place (a case), or only a home (a party). */
export type PlaceKinds = "any" | "home";

// One search per request: the error summary and the form both need it on a "Find address" submit.
const searches = new WeakMap<Context<AppEnv>, Map<string, Promise<PlaceSearch>>>();

/** The matches for the form's address search, or its error (fewer than 2 characters …). */
export function runPlaceSearch(
  c: Context<AppEnv>,
  actor: Actor,
  values: Record<string, string>,
  required: boolean,
  kinds: PlaceKinds = "any",
): Promise<PlaceSearch> {
  const text = values.addressSearch ?? "";
  // Whether the search is required only matters when it is empty.
  const key = `${text.trim() ? "" : required}:${kinds}:${text}`;
  const done = searches.get(c) ?? new Map<string, Promise<PlaceSearch>>();
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
  kinds: PlaceKinds,
): Promise<PlaceSearch> {
  if (!text.trim() && !required) return { matches: null, errors: {} };
  const result = await attemptForForm(() => searchPlaces(c.get("services").database.db, actor, text));
  if (!result.ok)
    return { matches: null, errors: { addressSearch: result.errors.q ?? result.problem.title } };
  return {
    matches: kinds === "home" ? result.value.filter((m) => m.kind === "home") : result.value,
    errors: {},
  };
}

const placeValue = (match: AddressMatch) =>
  match.kind === "home"
    ? `home:${match.id}`
    : match.kind === "block"
      ? `block:${match.blockName}`
      : `open-space:${match.id}`;

const placeText = (match: AddressMatch) =>
  match.kind === "home"
    ? `${match.address}, ${match.postcode}`
    : match.kind === "block"
      ? `${match.blockName} (block of ${match.homes} ${match.homes === 1 ? "home" : "homes"}), ${match.postcode}`
      : `${match.name}${match.address ? `, ${match.address}` : ""}${match.postcode ? `, ${match.postcode}` : ""} (open space)`;

/** The search field, its button, and the matches to choose from. */
export function placeSearchFields(
  values: Record<string, string>,
  search: PlaceSearch,
  errors: FieldErrors,
  kinds: PlaceKinds = "any",
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
              items: matches.map((m) => ({ value: placeValue(m), text: placeText(m) })),
            })
    }
  </div>`;
}

/** The place the officer chose, checked against the organisation's own records; undefined when none was chosen. */
export async function chosenPlace(
  c: Context<AppEnv>,
  actor: Actor,
  value: string | undefined,
): Promise<PlaceChoice | "unknown" | undefined> {
  if (!value) return undefined;
  const db = c.get("services").database.db;
  const [kind, ...rest] = value.split(":");
  const id = rest.join(":");
  if (kind === "home") {
    const home = await homeById(db, actor.organisationId, id);
    if (!home) return "unknown";
    return {
      locationType: "home",
      homeId: home.id,
      blockName: home.blockName,
      locationDescription: null,
      laCode: home.laCode,
    };
  }
  if (kind === "block" && id.trim())
    return {
      locationType: "block",
      homeId: null,
      blockName: id.trim().slice(0, 200),
      locationDescription: null,
      laCode: null,
    };
  if (kind === "open-space") {
    const space = await openSpaceById(db, actor, id);
    if (!space) return "unknown";
    const where = [space.name, space.address, space.postcode].filter(Boolean).join(", ");
    return {
      locationType: "open-space",
      homeId: null,
      blockName: null,
      locationDescription: where.slice(0, 500),
      laCode: space.laCode,
    };
  }
  return "unknown";
}
