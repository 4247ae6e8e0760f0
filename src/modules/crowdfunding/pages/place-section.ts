import { isStaff } from "../../../platform/access/policy.ts";
import { placeSection, profileSection } from "../../../platform/http/place-profile.ts";
import { formatPence, html } from "../../../platform/ui/index.ts";
import { campaignsInDistrict } from "../queries/place-campaigns.ts";

/** Crowdfunding on a profile: campaigns recorded in the district. */
export const crowdfundingPlaceSection = placeSection(isStaff, async (c, actor, place) => {
  const campaigns = await campaignsInDistrict(c.get("services").database.db, actor, place.laCode);
  return profileSection(
    "Crowdfunding campaigns",
    campaigns.length === 0
      ? html`<p class="govuk-body">No campaigns in the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}.</p>`
      : html`<ul class="govuk-list govuk-list--bullet">${campaigns.map((item) => html`<li><a class="govuk-link" href="/crowdfunding/campaigns/${item.id}">${item.title}</a> (${item.status}): ${formatPence(item.collectedPence)} of ${formatPence(item.targetPence)}</li>`)}</ul>`,
    { href: "/crowdfunding", text: "Open the campaigns register" },
  );
});
