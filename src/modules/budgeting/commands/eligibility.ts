import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { forbidden } from "../../../platform/http/problem.ts";
import { ageOn, getPerson, type Person } from "../../people/index.ts";
import { getHome, type HomeArea } from "../../places/index.ts";
import type { PbProcess } from "../schema.ts";

/**
 * Why a resident may not vote in a process (tenants only or all residents, old enough on
 * the day, living in the area), or null when they may.
 */
export function eligibilityProblem(
  process: Pick<PbProcess, "eligibility" | "minimumAge" | "areaKind" | "areaCode">,
  person: Pick<Person, "personType" | "dateOfBirth">,
  home: HomeArea | null,
  today: string,
): string | null {
  if (process.eligibility === "tenants" && person.personType !== "tenant")
    return "Only tenants can vote in this process.";
  if (process.minimumAge > 0) {
    if (!person.dateOfBirth)
      return `You must be ${process.minimumAge} or over to vote, and we do not have a date of birth on record. Contact us to add it.`;
    if (ageOn(person.dateOfBirth, today) < process.minimumAge)
      return `You must be ${process.minimumAge} or over to vote in this process.`;
  }
  if (process.areaKind === "all") return null;
  const inArea =
    home !== null &&
    ((process.areaKind === "local-authority" && home.laCode === process.areaCode) ||
      (process.areaKind === "neighbourhood" && home.lsoa21Code === process.areaCode) ||
      (process.areaKind === "estate" && home.blockName === process.areaCode));
  return inArea ? null : "This process is only for people who live in its area.";
}

/**
 * Checks one resident's eligibility. `actor` must be able to read the person (the
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
  // places lets only staff read homes; a resident checking their own eligibility reads
  // their own home's area through a system actor of the same organisation (homes hold no personal data).
  const reader = systemActor(actor.organisationId, "Participatory budgeting eligibility check");
  const home =
    process.areaKind !== "all" && person.homeId
      ? await getHome(db, reader, person.homeId).catch(() => null)
      : null;
  const problem = eligibilityProblem(process, person, home, londonDay(now));
  if (problem) throw forbidden(problem);
}
