import { desc, inArray, sql } from "drizzle-orm";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { publishedStatuses } from "../register/register-rows.ts";
import { type GrantProgramme, grantAward, grantProgramme } from "../schema.ts";
import { type GrantPage, pageOfGrants } from "./list-grants.ts";

// The public side: published grants and open programmes. No personal data and no
// actor: the organisation comes from the address, and only approved grants appear.

export async function publicRegisterPage(
  db: Db,
  organisationId: string,
  page: number,
  pageSize: number,
): Promise<GrantPage> {
  const where = inOrganisation(
    grantAward,
    organisationId,
    inArray(grantAward.status, [...publishedStatuses]),
  );
  return pageOfGrants(db, where, [desc(grantAward.awardDate), grantAward.reference], { page, pageSize });
}

export async function openProgrammes(db: Db, organisationId: string, now: Date): Promise<GrantProgramme[]> {
  const today = londonDay(now);
  return db
    .select()
    .from(grantProgramme)
    .where(
      inOrganisation(
        grantProgramme,
        organisationId,
        sql`${grantProgramme.opensOn} <= ${today}`,
        sql`${grantProgramme.closesOn} >= ${today}`,
      ),
    )
    .orderBy(grantProgramme.closesOn);
}
