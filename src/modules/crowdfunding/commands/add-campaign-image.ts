import { count } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { canEditCampaign, canViewCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { crowdfundingImage } from "../schema.ts";

export const maxImageBytes = 2 * 1024 * 1024;
export const maxImagesPerCampaign = 5;

/** The file's own first bytes say what it is; the name and the browser's claim are not trusted. */
export function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "image/png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const text = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length > 12 && text(0, 4) === "RIFF" && text(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** A picture for the campaign page, with the alternative text people who cannot see it need. */
export async function addCampaignImage(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
  input: { altText: string; bytes: Uint8Array },
): Promise<string> {
  const altText = input.altText.trim();
  const errors: Record<string, string> = {};
  if (input.bytes.length === 0) errors.image = "Choose an image to upload";
  else if (input.bytes.length > maxImageBytes) errors.image = "The image must be smaller than 2 MB";
  const contentType = input.bytes.length > 0 ? imageType(input.bytes) : null;
  if (input.bytes.length > 0 && !errors.image && !contentType)
    errors.image = "The image must be a PNG, JPEG or WebP";
  if (!altText) errors.altText = "Describe the image for people who cannot see it";
  else if (altText.length > 300) errors.altText = "The description must be 300 characters or fewer";
  if (Object.keys(errors).length > 0 || !contentType) throw invalid("Check the image.", errors);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (!canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
    requireAllowed(
      canEditCampaign(actor, campaign),
      "Only the group running this campaign or an officer can add images.",
    );
    const [existing] = await tx
      .select({ n: count() })
      .from(crowdfundingImage)
      .where(matchInOrganisation(crowdfundingImage, actor.organisationId, { campaignId: campaign.id }));
    if ((existing?.n ?? 0) >= maxImagesPerCampaign)
      throw invalid("Check the image.", {
        image: `A campaign can have up to ${maxImagesPerCampaign} images`,
      });
    const id = newId(now.getTime());
    await tx.insert(crowdfundingImage).values({
      organisationId: actor.organisationId,
      id,
      campaignId: campaign.id,
      altText,
      contentType,
      bytes: Buffer.from(input.bytes),
      createdAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "crowdfunding-image",
      entityId: id,
      summary: `Image added to ${campaign.reference}`,
      after: { altText, contentType, bytes: input.bytes.length },
    });
    return id;
  });
}
