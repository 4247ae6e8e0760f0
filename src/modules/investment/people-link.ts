import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { getPerson } from "../people/index.ts";
import { getHome } from "../places/index.ts";

/** The facts about a person that participation and the value calculation need. */
export type PersonFacts = {
  displayName: string;
  dateOfBirth: string | null;
  tenant: boolean;
  laCode: string | null;
  lsoa21Code: string | null;
};

/** Reads a person (an audited read in the people module) and their home's area (places). */
export async function personFacts(db: Db, actor: Actor, now: Date, personId: string): Promise<PersonFacts> {
  const person = await getPerson(db, actor, personId, now);
  const home = person.homeId ? await getHome(db, actor, person.homeId) : null;
  return {
    displayName: `${person.givenName} ${person.familyName}`,
    dateOfBirth: person.dateOfBirth,
    tenant: person.personType === "tenant",
    laCode: home?.laCode ?? null,
    lsoa21Code: home?.lsoa21Code ?? null,
  };
}
