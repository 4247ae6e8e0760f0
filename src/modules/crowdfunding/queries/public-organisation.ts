import { eq, ne } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { organisation } from "../../../platform/db/platform-schema.ts";
import { notFound } from "../../../platform/http/problem.ts";

/** Public pages name the organisation in the address; an unknown one is simply not found. */
export async function organisationBySlug(
  db: Db,
  slug: string,
): Promise<{ id: string; name: string; slug: string }> {
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
  return found;
}

export async function publicOrganisations(db: Db): Promise<{ name: string; slug: string }[]> {
  return db
    .select({ name: organisation.name, slug: organisation.slug })
    .from(organisation)
    .where(ne(organisation.kind, "platform"))
    .orderBy(organisation.name);
}
