import { z } from "zod";
import { type Actor, actorLabel } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { type FieldErrors, invalid } from "../../../platform/http/problem.ts";
import { areasOfHomes } from "../neighbours.ts";
import { canMarkHotSpots } from "../policy.ts";
import { nameOfArea, parseAreaRef } from "../queries/hot-spots-areas.ts";
import { latestStart } from "../queries/hot-spots-campaigns.ts";
import {
  hotSpotCampaignTypes,
  type SafetyHotSpotCampaign,
  safetyHotSpotCampaign,
} from "../schema/hot-spot-campaign.ts";

// A manager marks a hot spot (a neighbourhood, district or block) for a campaign. The hot spots page
// then reports ASB there before and after the start.

const campaignInput = z
  .object({
    area: z.string({ error: "Choose the area" }).trim().min(1, { error: "Choose the area" }),
    campaignType: z.enum(hotSpotCampaignTypes, { error: "Choose the kind of campaign" }),
    startedOn: z
      .string({ error: "Enter the start date" })
      .min(1, { error: "Enter the start date" })
      .refine(isRealDate, { error: "Enter a real start date" }),
    endedOn: z.string().refine(isRealDate, { error: "Enter a real end date" }).nullable().optional(),
    note: z
      .string()
      .trim()
      .max(2000, { error: "The note must be 2,000 characters or fewer" })
      .nullable()
      .optional(),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    path: ["endedOn"],
    error: "The end date must be on or after the start date",
  });

/** `area` is an area reference such as "neighbourhood:E01016016" (see hot-spots-areas.ts). */
export type HotSpotCampaignInput = z.input<typeof campaignInput>;

export async function markHotSpotCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  input: HotSpotCampaignInput,
): Promise<SafetyHotSpotCampaign> {
  requireAllowed(canMarkHotSpots(actor), "Only managers can mark an area for a hot-spot campaign.");
  const parsed = campaignInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const area = parseAreaRef(input.area?.trim() ?? "");
  const homes = await areasOfHomes(db, actor.organisationId);
  const areaName = area ? await nameOfArea(db, homes, area.kind, area.code) : undefined;
  if (!errors.area && !areaName) errors.area = "Choose an area where we have homes from the list";
  const latest = latestStart(londonDay(now));
  if (!errors.startedOn && typeof input.startedOn === "string" && input.startedOn > latest) {
    errors.startedOn = "The start date must be within a year from today";
  }
  if (!parsed.success || !area || !areaName || Object.keys(errors).length > 0) {
    throw invalid("The campaign could not be saved.", errors);
  }
  const values = {
    organisationId: actor.organisationId,
    id: newId(now.getTime()),
    areaKind: area.kind,
    areaCode: area.code,
    areaName,
    campaignType: parsed.data.campaignType,
    startedOn: parsed.data.startedOn,
    endedOn: parsed.data.endedOn || null,
    note: parsed.data.note || null,
    createdBy: actorLabel(actor),
    createdAt: now,
  };
  return db.transaction(async (tx) => {
    const [saved] = await tx.insert(safetyHotSpotCampaign).values(values).returning();
    if (!saved) throw new Error("The campaign insert returned no row");
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_hot_spot_campaign",
      entityId: saved.id,
      summary: `Marked ${areaName} for a ${saved.campaignType} campaign from ${saved.startedOn}`,
      before: null,
      after: values,
    });
    return saved;
  });
}
