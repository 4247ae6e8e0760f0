import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import {
  isoDate,
  optionalOf,
  optionalText,
  optionalWholeNumber,
  postcode,
  requiredText,
} from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canEditPlaces } from "../policy.ts";
import { loadReferenceCodes, referenceProblems } from "../queries/reference-codes.ts";
import { assetTypes, type CommunityAsset, communityAsset } from "../schema.ts";

const optionalDate = optionalOf(isoDate);

export const assetInput = z.object({
  name: requiredText("the asset's name"),
  assetType: z.enum(assetTypes, { error: `Choose a type: ${assetTypes.join(", ")}` }),
  description: optionalText(2000),
  address: optionalText(300),
  postcode: optionalOf(postcode),
  laCode: z
    .string({ error: "Enter the local authority's ONS code" })
    .trim()
    .toUpperCase()
    .regex(/^E0[6-9][0-9]{6}$/, { error: "Enter a local authority ONS code like E07000110" }),
  lsoa21Code: optionalOf(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^E01[0-9]{6}$/, { error: "Enter an LSOA code like E01024532" }),
  ),
  owner: requiredText("who owns or runs it"),
  openingHours: optionalText(300),
  currentUse: optionalText(500),
  capacity: optionalWholeNumber("capacity", 0, 100_000),
  openedOn: optionalDate,
  closedOn: optionalDate,
});

export async function createCommunityAsset(
  database: Database,
  actor: Actor,
  now: Date,
  input: unknown,
): Promise<CommunityAsset> {
  requireAllowed(canEditPlaces(actor), "Only officers can add community assets.");
  const checked = validate(assetInput, input);
  if (!checked.ok) throw invalid("Check the asset's details.", checked.errors);
  const value = checked.value;
  const problems = referenceProblems(await loadReferenceCodes(database, database), {
    laCode: value.laCode,
    lsoa21Code: value.lsoa21Code,
    lsoa11Code: null,
  });
  if (value.openedOn && value.closedOn && value.closedOn < value.openedOn)
    problems.closedOn = "The closing date must be after the opening date";
  if (Object.keys(problems).length > 0) throw invalid("Check the asset's details.", problems);
  return database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(communityAsset)
      .values({ ...value, organisationId: actor.organisationId, id: newId(now.getTime()), createdAt: now })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "community-asset",
      entityId: created.id,
      summary: `Added community asset ${created.name}`,
      after: value,
    });
    return created;
  });
}
