import type { Context } from "hono";
import { publicOrganisationBySlug as organisationBySlug } from "../../../platform/access/public-organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { getPublicCampaign } from "../queries/campaign-detail.ts";

/** The organisation and the public campaign named in the address, or 404. */
export async function loadPublic(c: Context<AppEnv>) {
  const db = c.get("services").database.db;
  const organisation = await organisationBySlug(db, c.req.param("org") ?? "");
  const detail = await getPublicCampaign(db, organisation.id, c.req.param("ref") ?? "");
  const base = `/campaigns/${organisation.slug}/${detail.campaign.reference}`;
  return { organisation, detail, base };
}
