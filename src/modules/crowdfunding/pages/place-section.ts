import { isStaff } from "../../../platform/access/policy.ts";
import { poundsFromPence } from "../../../platform/exports/csv.ts";
import { placeSection, profileSection } from "../../../platform/http/place-profile.ts";
import { formatPence, html } from "../../../platform/ui/index.ts";
import { campaignsInDistrict } from "../queries/place-campaigns.ts";

const heading = "Crowdfunding campaigns";

/** Crowdfunding on a profile: campaigns recorded in the district. */
export const crowdfundingPlaceSection = placeSection(isStaff, async (actor, place, { db, today }) => {
  const campaigns = await campaignsInDistrict(db, actor, place.laCode);
  return {
    figures: campaigns.flatMap((item) => [
      {
        section: heading,
        figure: `${item.title}: collected (£)`,
        period: today,
        value: poundsFromPence(item.collectedPence),
      },
      {
        section: heading,
        figure: `${item.title}: target (£)`,
        period: today,
        value: poundsFromPence(item.targetPence),
      },
    ]),
    trends: [],
    html: profileSection(
      heading,
      campaigns.length === 0
        ? html`<p class="govuk-body">No campaigns in the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}.</p>`
        : html`<ul class="govuk-list govuk-list--bullet">${campaigns.map((item) => html`<li><a class="govuk-link" href="/crowdfunding/campaigns/${item.id}">${item.title}</a> (${item.status}): ${formatPence(item.collectedPence)} of ${formatPence(item.targetPence)}</li>`)}</ul>`,
      { href: "/crowdfunding", text: "Open the campaigns register" },
    ),
  };
});
