import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { organisation } from "../../../platform/db/platform-schema.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { grantSettings } from "../schema.ts";
import { orgIdPattern, type RegisterIssue } from "./org-id.ts";

export type RegisterSettings = {
  organisationId: string;
  slug: string;
  prefix: string;
  department: string;
  funderId: string;
  funderName: string;
  registerUrl: string | null;
  /** Every grant's dataSource: the register web address in the settings, else where this copy is served from. */
  dataSource: string | null;
};

export const prefixPattern = /^360G-[A-Za-z0-9_-]+$/;

/** The default prefix until the organisation records the one 360Giving issued it (KITH_360G_PREFIX overrides). */
function defaultPrefix(slug: string): string {
  const fromEnvironment = process.env.KITH_360G_PREFIX;
  if (fromEnvironment && prefixPattern.test(fromEnvironment)) return fromEnvironment;
  return `360G-kith-${slug.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40)}`;
}

export async function loadRegisterSettings(
  db: Db,
  organisationId: string,
  issues: RegisterIssue[] = [],
): Promise<RegisterSettings> {
  const [org] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
  if (!org) throw notFound("Organisation not found");
  const [settings] = await db
    .select()
    .from(grantSettings)
    .where(eq(grantSettings.organisationId, organisationId));
  const prefix = settings?.idPrefix ?? defaultPrefix(org.slug);
  let funderId = org.orgIdentifier ?? "";
  if (!orgIdPattern.test(funderId)) {
    issues.push({
      grant: "(all)",
      field: "Funding Org:Identifier",
      message: `The organisation has no org-id style identifier${funderId ? ` ("${funderId}" is not one)` : ""}; the funder is identified as ${prefix}-FUNDER`,
    });
    funderId = `${prefix}-FUNDER`;
  }
  return {
    organisationId,
    slug: org.slug,
    prefix,
    department: settings?.department ?? "Community Investment",
    funderId,
    funderName: org.name,
    registerUrl: settings?.registerUrl ?? null,
    dataSource: settings?.registerUrl ?? null,
  };
}

/** Find the organisation whose public register a visitor asked for, by its slug. */
export async function organisationIdBySlug(db: Db, slug: string): Promise<string> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw notFound("Grants register not found");
  const [org] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.slug, slug));
  if (!org) throw notFound("Grants register not found");
  return org.id;
}
