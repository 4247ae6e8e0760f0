import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { amountsByDayInDistrict } from "../../../platform/http/place-profile.ts";
import { canViewGrants } from "../policy.ts";
import { grantAward, grantPayment } from "../schema.ts";
import { awardOf } from "./joins.ts";

/** Grants awarded for the benefit of one district (grants record their beneficiary area by district). */
export async function grantsInDistrict(
  db: Db,
  actor: Actor,
  laCode: string,
): Promise<{ id: string; title: string; recipientName: string; amountAwardedPence: number }[]> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  return db
    .select({
      id: grantAward.id,
      title: grantAward.title,
      recipientName: grantAward.recipientName,
      amountAwardedPence: grantAward.amountAwardedPence,
    })
    .from(grantAward)
    .where(
      inOrganisation(
        grantAward,
        actor.organisationId,
        and(eq(grantAward.beneficiaryLaCode, laCode), inArray(grantAward.status, ["active", "ended"])),
      ),
    )
    .orderBy(asc(grantAward.title));
}

/** Grants awarded per beneficiary district (count and pence), for the grants map. */
export async function grantsByDistrict(
  db: Db,
  actor: Actor,
): Promise<{ laCode: string; grants: number; pence: number }[]> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  const rows = await db
    .select({ laCode: grantAward.beneficiaryLaCode, pence: grantAward.amountAwardedPence })
    .from(grantAward)
    .where(inOrganisation(grantAward, actor.organisationId, inArray(grantAward.status, ["active", "ended"])));
  const totals = new Map<string, { grants: number; pence: number }>();
  for (const row of rows) {
    if (!row.laCode) continue;
    const total = totals.get(row.laCode) ?? { grants: 0, pence: 0 };
    total.grants += 1;
    total.pence += row.pence;
    totals.set(row.laCode, total);
  }
  return [...totals].map(([laCode, total]) => ({ laCode, ...total }));
}

/** Grant instalments paid for the benefit of one district, per day from `from` to `to`, in pence. */
export async function grantPaymentsInDistrictByDay(
  db: Db,
  actor: Actor,
  laCode: string,
  from: string,
  to: string,
): Promise<{ day: string; amount: number }[]> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  return amountsByDayInDistrict(
    db,
    actor.organisationId,
    {
      table: grantPayment,
      day: grantPayment.paidOn,
      amount: grantPayment.amountPence,
      district: grantAward.beneficiaryLaCode,
      status: [grantPayment.status, "paid"],
      join: {
        table: grantAward,
        on: awardOf(grantPayment),
      },
    },
    laCode,
    from,
    to,
  );
}
