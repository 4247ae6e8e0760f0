import { desc } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { isOpen } from "../commands/applications.ts";
import { canApply } from "../policy.ts";
import { type GrantApplication, type GrantProgramme, grantApplication, grantProgramme } from "../schema.ts";
import { programmeOf } from "./joins.ts";

export type ApplicantHome = {
  openProgrammes: GrantProgramme[];
  applications: { application: GrantApplication; programmeTitle: string }[];
};

/** What an applicant sees first: the programmes open today and their own applications, newest first. */
export async function applicantHome(db: Db, actor: Actor, now: Date): Promise<ApplicantHome> {
  requireAllowed(
    canApply(actor),
    "Sign in with your organisation's community group or partner account to apply for a grant.",
  );
  const [programmes, applications] = await Promise.all([
    db
      .select()
      .from(grantProgramme)
      .where(inOrganisation(grantProgramme, actor.organisationId))
      .orderBy(grantProgramme.closesOn),
    db
      .select({ application: grantApplication, programmeTitle: grantProgramme.title })
      .from(grantApplication)
      .innerJoin(grantProgramme, programmeOf(grantApplication))
      .where(
        matchInOrganisation(grantApplication, actor.organisationId, {
          applicantUserId: actor.kind === "user" ? actor.userId : "",
        }),
      )
      .orderBy(desc(grantApplication.updatedAt)),
  ]);
  return { openProgrammes: programmes.filter((p) => isOpen(p, now)), applications };
}
