import type { SQL } from "drizzle-orm";
import { type Actor, systemActor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { findPeople, getPerson, listPeopleAtHome, type Person } from "../people/index.ts";
import {
  type AddressMatch,
  findHomeByUprn,
  getCommunityAsset,
  getHome,
  type HomeAndAuthorityRow,
  type HomeArea,
  homeAddresses,
  homeAndAuthorityColumns,
  homeAndAuthorityFrom,
  homeAreas,
  listHomes,
  listLocalAuthorities,
  lsoaNames,
  homesByLocalAuthority as placesHomesByLa,
  searchAddresses,
  tsmStockByBlock,
  tsmStockByLocalAuthority,
  tsmStockByNeighbourhood,
} from "../places/index.ts";

// The only place this module reaches other modules (places and people, through their index.ts).
// Everything else in safety calls these functions, so the module's edges are visible in one file.

export type HomeRef = {
  id: string;
  uprn: string;
  address: string;
  /** The address as a letter or case page shows it: lines, town and postcode. */
  fullAddress: string;
  postcode: string;
  blockName: string | null;
  laCode: string;
  /** The 2021 neighbourhood (LSOA) the home is in, where known. */
  lsoa21Code: string | null;
};

function toHomeRef(home: {
  id: string;
  uprn: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  blockName: string | null;
  laCode: string;
  lsoa21Code: string | null;
}): HomeRef {
  return {
    id: home.id,
    uprn: home.uprn,
    address: home.addressLine1,
    fullAddress: [home.addressLine1, home.addressLine2, home.town, home.postcode].filter(Boolean).join(", "),
    postcode: home.postcode,
    blockName: home.blockName,
    laCode: home.laCode,
    lsoa21Code: home.lsoa21Code,
  };
}

/** A home of the organisation, or undefined (another organisation's home is simply unknown). */
export async function homeById(db: Db, organisationId: string, homeId: string): Promise<HomeRef | undefined> {
  const home = await getHome(db, systemActor(organisationId, "community safety"), homeId).catch(
    () => undefined,
  );
  return home ? toHomeRef(home) : undefined;
}

/**
 * Where a case is: its home (if any) and its council's name, as two columns of the case page's own
 * statement (`homeId` and `laCode` name the case's columns there). Decode them with `placeOfCaseFrom`.
 */
export function placeOfCaseColumns(organisationId: SQL, homeId: SQL, laCode: SQL): SQL {
  return homeAndAuthorityColumns(organisationId, homeId, laCode);
}

export type PlaceOfCaseRow = HomeAndAuthorityRow;

export function placeOfCaseFrom(row: PlaceOfCaseRow | undefined): {
  home: HomeRef | undefined;
  localAuthority: string | null;
} {
  const found = homeAndAuthorityFrom(row);
  return { home: found.home ? toHomeRef(found.home) : undefined, localAuthority: found.localAuthority };
}

export async function homeByUprn(db: Db, organisationId: string, uprn: string): Promise<HomeRef | undefined> {
  const home = await findHomeByUprn(db, organisationId, uprn);
  return home ? toHomeRef(home) : undefined;
}

/** The local authorities the organisation has homes in, with how many (every tenure). */
export const homesByLocalAuthority = placesHomesByLa;

/** NM01's denominator: the LCRA and LCHO homes owned on `onDay` (the period's last day), per area. */
export const relevantStockByLocalAuthority = tsmStockByLocalAuthority;

/** Homes, blocks and open spaces matching an address or postcode (a 422 for fewer than 2 characters). */
export const searchPlaces = searchAddresses;

/** Addresses of the homes on a page of cases, by home id. */
export const addressesOfHomes = homeAddresses;

/** An open space (a park, playground …) of the organisation, or undefined. */
export async function openSpaceById(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ name: string; address: string | null; postcode: string | null; laCode: string } | undefined> {
  return getCommunityAsset(db, actor, id).catch(() => undefined);
}

/** Where each of the organisation's homes is: district, 2021 neighbourhood, block and postcode. */
export async function areasOfHomes(db: Db, organisationId: string): Promise<Map<string, HomeArea>> {
  return homeAreas(db, systemActor(organisationId, "community safety"));
}

/** Rates by neighbourhood use the same denominator as NM01, per 2021 LSOA. */
export const relevantStockByNeighbourhood = tsmStockByNeighbourhood;

/** Rates by block use the same denominator again, per block name, postcode and district. */
export const relevantStockByBlock = tsmStockByBlock;

/** Neighbourhood names from the shared reference data. */
export const neighbourhoodNames = lsoaNames;

export type { AddressMatch };

export async function searchHomes(db: Db, actor: Actor, search: string): Promise<HomeRef[]> {
  const { rows } = await listHomes(db, actor, { search, pageSize: 20 });
  return rows.map(toHomeRef);
}

export async function localAuthorityNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const all = await listLocalAuthorities(db);
  return new Map(all.filter((la) => codes.includes(la.gssCode)).map((la) => [la.gssCode, la.name]));
}

export type PersonRef = {
  id: string;
  name: string;
  dateOfBirth: string | null;
  homeId: string | null;
  address: string | null;
  contact: string | null;
};

/** What a case needs of a person record, however it was found. */
function personRef(person: Person): PersonRef {
  return {
    id: person.id,
    name: `${person.givenName} ${person.familyName}`,
    dateOfBirth: person.dateOfBirth,
    homeId: person.homeId,
    address: person.address,
    contact: person.email ?? person.phone,
  };
}

/** A person of the organisation (an audited read), or undefined. */
export async function personById(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<PersonRef | undefined> {
  const person = await getPerson(db, actor, personId, now).catch(() => undefined);
  return person && personRef(person);
}

export async function searchPeople(db: Db, actor: Actor, search: string, now: Date): Promise<PersonRef[]> {
  const { rows } = await findPeople(db, actor, { search, pageSize: 20 }, now);
  return rows.map(personRef);
}

export async function peopleAtHome(
  db: Db,
  organisationId: string,
  homeId: string,
): Promise<{ id: string; name: string }[]> {
  return (await listPeopleAtHome(db, organisationId, homeId)).map((p) => ({
    id: p.id,
    name: `${p.givenName} ${p.familyName}`,
  }));
}

export { ageBand } from "../people/index.ts";

// Set-based imports check a whole file in SQL, so they read the places and people tables as SQL
// too: only these two fragments, each limited to one organisation (`organisation` is a SQL literal).

/** The organisation's homes: id, uprn, block_name and la_code (the places module's `home`). */
export function organisationHomesSql(organisation: string): string {
  return `SELECT id, uprn, block_name, la_code FROM home WHERE organisation_id = ${organisation}`;
}

/** The organisation's people: id and the name a party shows (the people module's `person`). */
export function organisationPeopleSql(organisation: string): string {
  return `SELECT id, given_name || ' ' || family_name AS name FROM person WHERE organisation_id = ${organisation}`;
}
