import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid, Problem } from "../../../platform/http/problem.ts";
import { getHome } from "../../places/index.ts";
import { canEditPeople } from "../policy.ts";
import { findPossibleDuplicates, type PossibleDuplicate } from "../queries/duplicates.ts";
import { type Person, person } from "../schema.ts";
import { personInput } from "./person-input.ts";

/** Thrown when the new person may already exist; the form shows them and asks the officer to confirm. */
export class PossibleDuplicateProblem extends Problem {
  readonly duplicates: PossibleDuplicate[];
  constructor(duplicates: PossibleDuplicate[]) {
    super(
      409,
      "possible-duplicate",
      "This person may already be on record",
      `${duplicates.length} existing record${duplicates.length > 1 ? "s match" : " matches"}. Check them, or confirm this is a different person.`,
    );
    this.duplicates = duplicates;
  }
}

export async function createPerson(db: Db, actor: Actor, now: Date, input: unknown): Promise<Person> {
  requireAllowed(canEditPeople(actor), "Only officers can add people.");
  const checked = validate(personInput, input);
  if (!checked.ok) throw invalid("Check the person's details.", checked.errors);
  const { confirmNotDuplicate, ...value } = checked.value;
  if (value.dateOfBirth && value.dateOfBirth > now.toISOString().slice(0, 10)) {
    throw invalid("Check the person's details.", { dateOfBirth: "Date of birth must be in the past" });
  }
  if (value.homeId) {
    // The home must be one of this organisation's: an id from elsewhere is simply unknown.
    const found = await getHome(db, actor, value.homeId).catch(() => null);
    if (!found) throw invalid("Check the person's details.", { homeId: "Choose a home from the list" });
  }
  if (!confirmNotDuplicate) {
    const duplicates = await findPossibleDuplicates(db, actor.organisationId, value);
    if (duplicates.length > 0) throw new PossibleDuplicateProblem(duplicates);
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(person)
      .values({ ...value, organisationId: actor.organisationId, id: newId(now.getTime()), createdAt: now })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "person",
      entityId: created.id,
      summary: `Added ${created.personType} ${created.givenName} ${created.familyName}${confirmNotDuplicate ? " (confirmed not a duplicate)" : ""}`,
      after: value,
    });
    return created;
  });
}
