import type { Opportunity, Volunteer, VolunteerCheck } from "./schema.ts";
import { type CheckKind, checkKinds } from "./vocabulary.ts";

type Role = Pick<Opportunity, "dbsRequired" | "trainingRequired" | "minimumAge">;
type Person = Pick<Volunteer, "dateOfBirth">;
type Held = Pick<VolunteerCheck, "kind" | "expiresOn" | "issuedOn">;

/** Age in whole years on a day (both "YYYY-MM-DD"); a birthday on 29 February counts from 1 March. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function currentCheck(held: Held[], kind: CheckKind, today: string): Held | "expired" | undefined {
  const ofKind = held.filter((check) => check.kind === kind && check.issuedOn <= today);
  if (ofKind.length === 0) return undefined;
  return ofKind.find((check) => check.expiresOn === null || check.expiresOn >= today) ?? "expired";
}

/**
 * Why this person may not be placed in this role today, in words a coordinator can act on.
 * An empty list means every requirement is met.
 */
export function unmetRequirements(role: Role, person: Person, held: Held[], today: string): string[] {
  const reasons: string[] = [];
  if (role.minimumAge !== null) {
    if (person.dateOfBirth === null)
      reasons.push(`The role has a minimum age of ${role.minimumAge} and we do not know their date of birth`);
    else if (ageOn(person.dateOfBirth, today) < role.minimumAge)
      reasons.push(
        `The role has a minimum age of ${role.minimumAge} and they are ${ageOn(person.dateOfBirth, today)}`,
      );
  }
  if (role.dbsRequired) {
    const dbs = currentCheck(held, "dbs-enhanced", today);
    if (dbs === undefined)
      reasons.push("The role is regulated activity and needs an enhanced DBS check, and they have none");
    else if (dbs === "expired")
      reasons.push("The role needs an enhanced DBS check, and theirs has passed its renewal date");
  }
  for (const training of role.trainingRequired) {
    const check = currentCheck(held, training, today);
    if (check === undefined)
      reasons.push(`The role needs ${checkKinds[training].toLowerCase()}, and they have none`);
    else if (check === "expired")
      reasons.push(`The role needs ${checkKinds[training].toLowerCase()}, and theirs has expired`);
  }
  return reasons;
}
