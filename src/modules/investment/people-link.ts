import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";

/** The facts about a person that participation and the value calculation need. */
export type PersonFacts = {
  displayName: string;
  dateOfBirth: string | null;
  tenant: boolean;
  laCode: string | null;
  lsoa21Code: string | null;
};

type PersonRecord = { givenName: string; familyName: string; dateOfBirth: string | null; homeId: string | null; personType: string };
type HomeRecord = { laCode: string; lsoa21Code: string | null };
type PeopleIndex = { getPerson: (db: Db, actor: Actor, personId: string) => Promise<PersonRecord> };
type PlacesIndex = { getHome: (db: Db, actor: Actor, homeId: string) => Promise<HomeRecord> };

/**
 * Reads a person (an audited read in the people module) and their home's area through the
 * people and places modules' index.ts. Imported lazily: those modules register before this one,
 * and a lazy import keeps this module loadable in tests that never touch a person record.
 */
export async function personFacts(db: Db, actor: Actor, personId: string): Promise<PersonFacts> {
  const people = (await import("../people/index.ts")) as unknown as PeopleIndex;
  const person = await people.getPerson(db, actor, personId);
  let home: HomeRecord | null = null;
  if (person.homeId) {
    const places = (await import("../places/index.ts")) as unknown as PlacesIndex;
    home = await places.getHome(db, actor, person.homeId);
  }
  return {
    displayName: `${person.givenName} ${person.familyName}`,
    dateOfBirth: person.dateOfBirth,
    tenant: person.personType === "tenant",
    laCode: home?.laCode ?? null,
    lsoa21Code: home?.lsoa21Code ?? null,
  };
}
