import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { canManageSafety, canViewReports } from "../policy.ts";
import { type SafetyCampaign, safetyCampaign } from "../schema.ts";

// Preventative campaigns (no personal data): the annual report lists those running in its period.

const campaignInput = z
  .object({
    name: z
      .string({ error: "Enter the campaign's name" })
      .trim()
      .min(1, { error: "Enter the campaign's name" })
      .max(200, { error: "The name must be 200 characters or fewer" }),
    topic: z
      .string({ error: "Enter the topic" })
      .trim()
      .min(1, { error: "Enter the topic" })
      .max(200, { error: "The topic must be 200 characters or fewer" }),
    laCode: z
      .string()
      .trim()
      .regex(/^E0[6-9][0-9]{6}$/, {
        error: "Enter a local authority code, like E06000035, or leave it empty",
      })
      .nullable()
      .optional(),
    startedOn: z
      .string({ error: "Enter the start date" })
      .refine(isRealDate, { error: "Enter a real start date" }),
    endedOn: z.string().refine(isRealDate, { error: "Enter a real end date" }).nullable().optional(),
    peopleReached: z
      .number({ error: "Enter the number of people reached as a whole number" })
      .int({ error: "Enter the number of people reached as a whole number" })
      .min(0, { error: "The number of people reached cannot be negative" })
      .max(10_000_000, { error: "The number of people reached must be 10,000,000 or fewer" }),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    path: ["endedOn"],
    error: "The end date must be on or after the start date",
  });
export type CampaignInput = z.input<typeof campaignInput>;

export async function listCampaigns(db: Db, actor: Actor): Promise<SafetyCampaign[]> {
  requireAllowed(canViewReports(actor), "You cannot see community safety campaigns.");
  return db
    .select()
    .from(safetyCampaign)
    .where(eq(safetyCampaign.organisationId, actor.organisationId))
    .orderBy(desc(safetyCampaign.startedOn), asc(safetyCampaign.name));
}

export async function findCampaign(db: Db, actor: Actor, id: string): Promise<SafetyCampaign> {
  requireAllowed(canViewReports(actor), "You cannot see community safety campaigns.");
  if (!isUuid(id)) throw notFound("Campaign not found");
  const [found] = await db
    .select()
    .from(safetyCampaign)
    .where(matchInOrganisation(safetyCampaign, actor.organisationId, { id }));
  if (!found) throw notFound("Campaign not found");
  return found;
}

/** Records a new campaign (id null) or changes one. */
export async function saveCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  id: string | null,
  input: CampaignInput,
): Promise<SafetyCampaign> {
  requireAllowed(canManageSafety(actor), "Only managers can record campaigns.");
  const parsed = campaignInput.safeParse(input);
  if (!parsed.success) throw invalid("The campaign could not be saved.", fieldErrorsFrom(parsed.error));
  const values = { ...parsed.data, laCode: parsed.data.laCode || null, endedOn: parsed.data.endedOn || null };
  return db.transaction(async (tx) => {
    const before = id === null ? null : await findCampaign(tx, actor, id);
    let saved: SafetyCampaign | undefined;
    if (before) {
      [saved] = await tx
        .update(safetyCampaign)
        .set(values)
        .where(and(eq(safetyCampaign.organisationId, actor.organisationId), eq(safetyCampaign.id, before.id)))
        .returning();
    } else {
      [saved] = await tx
        .insert(safetyCampaign)
        .values({ ...values, organisationId: actor.organisationId, id: newId(now.getTime()), createdAt: now })
        .returning();
    }
    if (!saved) throw notFound("Campaign not found");
    await recordAudit(tx, actor, now, {
      action: before ? "update" : "create",
      entityType: "safety_campaign",
      entityId: saved.id,
      summary: `${before ? "Changed" : "Recorded"} campaign ${saved.name}`,
      before,
      after: values,
    });
    return saved;
  });
}
