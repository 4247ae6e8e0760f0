import { desc, inArray, sql } from "drizzle-orm";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { publishedStatuses } from "../register/register-rows.ts";
import { type GrantAward, type GrantProgramme, grantAward, grantProgramme } from "../schema.ts";

// The public side: published grants and open programmes. No personal data and no
// actor: the organisation comes from the address, and only approved grants appear.

export async function publicRegisterPage(
  db: Db,
  organisationId: string,
  page: number,
  pageSize: number,
): Promise<{ grants: GrantAward[]; total: number; totalAwardedPence: number }> {
  const where = inOrganisation(
    grantAward,
    organisationId,
    inArray(grantAward.status, [...publishedStatuses]),
  );
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${grantAward.amountAwardedPence}), 0)`,
    })
    .from(grantAward)
    .where(where);
  const grants = await db
    .select()
    .from(grantAward)
    .where(where)
    .orderBy(desc(grantAward.awardDate), grantAward.reference)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { grants, total: totals?.total ?? 0, totalAwardedPence: Number(totals?.amount ?? 0) };
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
