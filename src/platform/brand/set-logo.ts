// The organisation administrator uploads or removes the logo shown on its public pages.
import type { Actor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { organisationBrand } from "../db/platform-schema.ts";
import { invalid } from "../http/problem.ts";
import { checkLogo } from "./logo-check.ts";
import { brandVersion, currentBrandRow } from "./update-brand.ts";

export async function setLogo(db: Db, actor: Actor, now: Date, bytes: Uint8Array | null): Promise<void> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can change the logo.");
  let logo: { contentType: "image/svg+xml" | "image/png"; bytes: Buffer } | null = null;
  if (bytes !== null) {
    const check = checkLogo(bytes);
    if (!check.ok) throw invalid(check.message, { logo: check.message });
    logo = { contentType: check.contentType, bytes: Buffer.from(bytes) };
  }
  await db.transaction(async (tx) => {
    const before = await currentBrandRow(tx, actor.organisationId);
    const values = {
      logo: logo?.bytes ?? null,
      logoContentType: logo?.contentType ?? null,
      version: brandVersion(before?.colour ?? null, logo?.bytes ?? null),
      updatedAt: now,
    };
    await tx
      .insert(organisationBrand)
      .values({ organisationId: actor.organisationId, ...values })
      .onConflictDoUpdate({ target: organisationBrand.organisationId, set: values });
    await recordAudit(tx, actor, now, {
      action: logo ? "update" : "delete",
      entityType: "organisation-brand-logo",
      entityId: actor.organisationId,
      summary: logo ? `Logo uploaded (${logo.contentType}, ${logo.bytes.length} bytes)` : "Logo removed",
      before: before?.logoContentType ? { contentType: before.logoContentType } : null,
      after: logo ? { contentType: logo.contentType, bytes: logo.bytes.length } : null,
    });
  });
}
