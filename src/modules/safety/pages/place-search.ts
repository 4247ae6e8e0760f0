import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import {
  type AddressSearch,
  addressChoiceFields,
  parseAddressChoice,
  runAddressSearch,
} from "../../places/index.ts";
import { homeById, openSpaceById } from "../neighbours.ts";

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

/** The shared address search of places: one search and one set of fields wherever a place is chosen. */
export const runPlaceSearch = runAddressSearch;
export const placeSearchFields = addressChoiceFields;
export type PlaceSearch = AddressSearch;

/** The place the officer chose, checked against the organisation's own records; undefined when none was chosen. */
export async function chosenPlace(
  c: Context<AppEnv>,
  actor: Actor,
  value: string | undefined,
): Promise<PlaceChoice | "unknown" | undefined> {
  const choice = parseAddressChoice(value);
  if (!choice) return undefined;
  const db = c.get("services").database.db;
  const { kind, id } = choice;
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
