import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { forbidden } from "../../../platform/http/problem.ts";
import { ageOn, getPerson } from "../../people/index.ts";
import { getHome } from "../../places/index.ts";
import { ukDate } from "../money.ts";
import type { PbProcess } from "../schema.ts";

/**
 * Whether a resident may vote in a process: tenants only or all residents, old enough
 * on the day, and living in the area. `actor` must be able to read the person (the
 * resident themself, or the officer issuing a voting code); the read is audited.
 */
export async function checkEligibility(
  db: Db,
  actor: Actor,
  now: Date,
  process: PbProcess,
  personId: string,
): Promise<void> {
  const person = await getPerson(db, actor, personId, now);
  const today = ukDate(now);
  if (process.eligibility === "tenants" && person.personType !== "tenant")
    throw forbidden("Only tenants can vote in this process.");
  if (process.minimumAge > 0) {
    if (!person.dateOfBirth)
      throw forbidden(
        `You must be ${process.minimumAge} or over to vote, and we do not have a date of birth on record. Contact us to add it.`,
      );
    if (ageOn(person.dateOfBirth, today) < process.minimumAge)
      throw forbidden(`You must be ${process.minimumAge} or over to vote in this process.`);
  }
  if (process.areaKind === "all") return;
  // places lets only staff read homes; a resident checking their own eligibility reads
  // their own home's area through a system actor of the same organisation (homes hold no personal data).
  const reader = systemActor(actor.organisationId, "Participatory budgeting eligibility check");
  const home = person.homeId ? await getHome(db, reader, person.homeId).catch(() => null) : null;
  const inArea =
    home !== null &&
    ((process.areaKind === "local-authority" && home.laCode === process.areaCode) ||
      (process.areaKind === "neighbourhood" && home.lsoa21Code === process.areaCode) ||
      (process.areaKind === "estate" && home.blockName === process.areaCode));
  if (!inArea) throw forbidden("This process is only for people who live in its area.");
}
