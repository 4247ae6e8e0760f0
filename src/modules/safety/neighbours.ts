import { type Actor, systemActor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { findPeople, getPerson, listPeopleAtHome } from "../people/index.ts";
import {
  findHomeByUprn,
  getHome,
  listHomes,
  listLocalAuthorities,
  tsmStockByLocalAuthority,
} from "../places/index.ts";

// The only place this module reaches other modules (places and people, through their index.ts).
// Everything else in safety calls these functions, so the module's edges are visible in one file.

export type HomeRef = {
  id: string;
  uprn: string;
  address: string;
  postcode: string;
  blockName: string | null;
  laCode: string;
};

function toHomeRef(home: {
  id: string;
  uprn: string;
  addressLine1: string;
  postcode: string;
  blockName: string | null;
  laCode: string;
}): HomeRef {
  return {
    id: home.id,
    uprn: home.uprn,
    address: home.addressLine1,
    postcode: home.postcode,
    blockName: home.blockName,
    laCode: home.laCode,
  };
}

/** A home of the organisation, or undefined (another organisation's home is simply unknown). */
export async function homeById(db: Db, organisationId: string, homeId: string): Promise<HomeRef | undefined> {
  const home = await getHome(db, systemActor(organisationId, "community safety"), homeId).catch(
    () => undefined,
  );
  return home ? toHomeRef(home) : undefined;
}

export async function homeByUprn(db: Db, organisationId: string, uprn: string): Promise<HomeRef | undefined> {
  const home = await findHomeByUprn(db, organisationId, uprn);
  return home ? toHomeRef(home) : undefined;
}

/** NM01's denominator: the LCRA and LCHO homes owned on `onDay` (the period's last day), per area. */
export async function relevantStockByLocalAuthority(
  db: Db,
  organisationId: string,
  onDay: string,
): Promise<{ laCode: string; laName: string; homes: number }[]> {
  return tsmStockByLocalAuthority(db, organisationId, onDay);
}

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

/** A person of the organisation (an audited read), or undefined. */
export async function personById(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<PersonRef | undefined> {
  const person = await getPerson(db, actor, personId, now).catch(() => undefined);
  if (!person) return undefined;
  return {
    id: person.id,
    name: `${person.givenName} ${person.familyName}`,
    dateOfBirth: person.dateOfBirth,
    homeId: person.homeId,
    address: person.address,
    contact: person.email ?? person.phone,
  };
}

export async function searchPeople(db: Db, actor: Actor, search: string, now: Date): Promise<PersonRef[]> {
  const { rows } = await findPeople(db, actor, { search, pageSize: 20 }, now);
  return rows.map((p) => ({
    id: p.id,
    name: `${p.givenName} ${p.familyName}`,
    dateOfBirth: p.dateOfBirth,
    homeId: p.homeId,
    address: p.address,
    contact: p.email ?? p.phone,
  }));
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
