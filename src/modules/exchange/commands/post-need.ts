import { z } from "zod";
import { type Actor, actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isoDate, requiredText } from "../../../platform/http/fields.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { penceField } from "../../crowdfunding/index.ts";
import { canPostNeed } from "../policy.ts";
import { exchangeNeed, type Need, needCategories } from "../schema.ts";

export const needInput = z.object({
  communityOrgId: z.uuid().nullable().optional(),
  communityOrgName: requiredText("the community organisation's name", 200),
  title: requiredText("a title for the need", 120),
  description: requiredText("what is needed and why", 4_000),
  category: z.enum(needCategories, { error: "Choose what kind of help is needed" }),
  valuePence: penceField("the estimated value", 100, 100_000_000),
  location: requiredText("where it is needed", 200),
  laCode: z
    .string()
    .regex(/^E0[67]\d{6}$/, { error: "Choose the local authority area" })
    .nullable()
    .optional(),
  neededBy: z
    .union([z.literal(""), isoDate])
    .nullable()
    .optional()
    .transform((v) => v || null),
});

export type NeedInput = z.input<typeof needInput>;

/** A community organisation posts a need; it waits for moderation before suppliers see it. */
export async function postNeed(db: Db, actor: Actor, now: Date, input: NeedInput): Promise<Need> {
  requireAllowed(canPostNeed(actor), "Only community organisations and officers can post needs.");
  const own =
    actor.kind === "user" && actor.role === "community-group" ? actor.partnerOrganisationId : undefined;
  const value = validInput(
    needInput,
    { ...input, communityOrgId: own ?? input.communityOrgId ?? null },
    "Check the need.",
  );
  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    const [need] = await tx
      .insert(exchangeNeed)
      .values({
        organisationId: actor.organisationId,
        id,
        reference: `SVN-${id.replaceAll("-", "").slice(-8).toUpperCase()}`,
        communityOrgId: value.communityOrgId ?? null,
        communityOrgName: value.communityOrgName,
        postedBy: actorUserId(actor),
        title: value.title,
        description: value.description,
        category: value.category,
        valuePence: value.valuePence,
        location: value.location,
        laCode: value.laCode ?? null,
        neededBy: value.neededBy,
        status: "submitted",
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "exchange-need",
      entityId: id,
      summary: `Need ${need.reference} "${need.title}" posted`,
      after: { title: need.title, category: need.category, valuePence: need.valuePence },
    });
    return need;
  });
}
