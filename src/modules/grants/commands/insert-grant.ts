import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { homesByLocalAuthority } from "../../places/index.ts";
import { realDate } from "../inputs.ts";
import { activeGrantStaff } from "../queries/grant-staff.ts";
import { monitoringSchedule, paymentSchedule } from "../rules.ts";
import {
  type GrantAward,
  grantAgreement,
  grantAward,
  grantMonitoringReturn,
  grantPayment,
  monitoringFrequencies,
} from "../schema.ts";

// Writing a grant with its agreement, payment schedule and monitoring schedule.
// Used by both routes to a grant (an award decision and a direct award) so both get the same agreement.

/** A staff user's id from the form's select; whether they are active staff is checked on insert. */
function staffChoice(who: string) {
  const message = `Choose ${who} from your organisation's staff`;
  return z.string({ error: message }).trim().refine(isUuid, { error: message });
}

/** The framework: every grant has an agreement, an owner, an accountable officer and proportionate monitoring. */
export const agreementFields = {
  startDate: realDate("the start date"),
  endDate: realDate("the end date"),
  grantOwnerUserId: staffChoice("the grant owner"),
  accountableOfficerUserId: staffChoice("the accountable officer"),
  conditions: requiredText("the conditions of the grant agreement", 5000),
  monitoringFrequency: z.enum(monitoringFrequencies, { error: "Choose how often the organisation reports" }),
  beneficiaryLaCode: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null),
};

/**
 * The grant owner and accountable officer must be active staff users of the organisation
 * making the grant; their names are kept with the grant as they were at the award.
 */
async function grantPeople(
  tx: Db,
  organisationId: string,
  grant: Pick<GrantAward, "grantOwnerUserId" | "accountableOfficerUserId">,
): Promise<Pick<GrantAward, "grantOwner" | "accountableOfficer">> {
  const ids = [grant.grantOwnerUserId, grant.accountableOfficerUserId].filter((id) => id !== null);
  const staff = await activeGrantStaff(tx, organisationId, ids);
  const nameOf = (id: string | null) => staff.find((member) => member.id === id)?.name;
  const grantOwner = nameOf(grant.grantOwnerUserId);
  const accountableOfficer = nameOf(grant.accountableOfficerUserId);
  const errors: Record<string, string> = {};
  if (!grantOwner) errors.grantOwnerUserId = "Choose the grant owner from your organisation's active staff";
  if (!accountableOfficer)
    errors.accountableOfficerUserId = "Choose the accountable officer from your organisation's active staff";
  if (!grantOwner || !accountableOfficer) throw invalid("Check the grant.", errors);
  return { grantOwner, accountableOfficer };
}

export function checkGrantDates(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx): void {
  if (value.endDate < value.startDate)
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "The end date must be on or after the start date",
    });
  else if (value.endDate > `${Number(value.startDate.slice(0, 4)) + 5}${value.startDate.slice(4)}`)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "A grant can last at most 5 years" });
}

export function newGrantReference(): string {
  return `GR-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** Bank details are added after the award (commands/bank-details.ts), so a new grant has none. */
export type NewGrant = Omit<
  GrantAward,
  | "organisationId"
  | "id"
  | "reference"
  | "createdAt"
  | "updatedAt"
  | "bankDetailsSealed"
  | "bankDetailsUpdatedAt"
  | "grantOwner"
  | "accountableOfficer"
>;

export async function insertGrant(
  tx: Db,
  organisationId: string,
  now: Date,
  newGrant: NewGrant,
  agreement: {
    conditions: string;
    monitoringFrequency: (typeof monitoringFrequencies)[number];
    beneficiaryLaCode?: string | null;
  },
): Promise<GrantAward> {
  const id = newId(now.getTime());
  let grant = { ...newGrant, ...(await grantPeople(tx, organisationId, newGrant)) };
  if (agreement.beneficiaryLaCode) {
    // The area that benefits is one where the organisation has homes (published as a GSS code).
    const area = (await homesByLocalAuthority(tx, organisationId)).find(
      (row) => row.laCode === agreement.beneficiaryLaCode,
    );
    if (!area)
      throw invalid("Check the grant.", { beneficiaryLaCode: "Choose an area where you have homes" });
    grant = { ...grant, beneficiaryLaCode: area.laCode, beneficiaryLaName: area.laName };
  }
  const [created] = await tx
    .insert(grantAward)
    .values({ ...grant, organisationId, id, reference: newGrantReference(), createdAt: now, updatedAt: now })
    .returning();
  await tx.insert(grantAgreement).values({
    organisationId,
    grantId: id,
    conditions: agreement.conditions,
    monitoringFrequency: agreement.monitoringFrequency,
    version: 1,
  });
  await tx.insert(grantPayment).values(
    paymentSchedule(grant.startDate, grant.endDate, grant.amountAwardedPence).map((payment) => ({
      organisationId,
      id: newId(now.getTime()),
      grantId: id,
      ...payment,
      status: "scheduled" as const,
    })),
  );
  await tx.insert(grantMonitoringReturn).values(
    monitoringSchedule(grant.startDate, grant.endDate, agreement.monitoringFrequency).map((item) => ({
      organisationId,
      id: newId(now.getTime()),
      grantId: id,
      ...item,
      status: "due" as const,
      results: [],
    })),
  );
  return created;
}
