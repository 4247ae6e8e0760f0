import { eq, ne } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { organisation } from "../db/platform-schema.ts";
import { notFound } from "../http/problem.ts";

export type PublicOrganisation = { id: string; name: string; slug: string };

// Public pages name the organisation in their address. The platform's own organisation is never a
// public one, and an unknown or malformed slug is simply "not found", never an error that says why.
const slugShape = /^[a-z0-9-]{1,80}$/;

export async function publicOrganisationBySlug(db: Db, slug: string): Promise<PublicOrganisation> {
  if (!slugShape.test(slug)) throw notFound("Page not found");
  const [found] = await db
    .select({
      id: organisation.id,
      name: organisation.name,
      slug: organisation.slug,
      kind: organisation.kind,
    })
    .from(organisation)
    .where(eq(organisation.slug, slug));
  if (!found || found.kind === "platform") throw notFound("Page not found");
  return { id: found.id, name: found.name, slug: found.slug };
}

export async function publicOrganisations(db: Db): Promise<{ name: string; slug: string }[]> {
  return db
    .select({ name: organisation.name, slug: organisation.slug })
    .from(organisation)
    .where(ne(organisation.kind, "platform"))
    .orderBy(organisation.name);
}
