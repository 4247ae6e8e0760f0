import { placeSection, profileSection } from "../../../platform/http/place-profile.ts";
import { formatPence, html } from "../../../platform/ui/index.ts";
import { canViewGrants } from "../policy.ts";
import { grantsInDistrict } from "../queries/place-grants.ts";

/** Grants on a profile: awards recorded for the district (grants are not placed more finely). */
export const grantsPlaceSection = placeSection(canViewGrants, async (c, actor, place) => {
  const grants = await grantsInDistrict(c.get("services").database.db, actor, place.laCode);
  const total = grants.reduce((sum, g) => sum + g.amountAwardedPence, 0);
  return profileSection(
    "Grants",
    html`<p class="govuk-body">${grants.length} grants awarded for the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}, ${formatPence(total)} in all.</p>
      ${grants.length > 0 ? html`<ul class="govuk-list govuk-list--bullet">${grants.map((g) => html`<li><a class="govuk-link" href="/grants/manage/grants/${g.id}">${g.title}</a>: ${g.recipientName}, ${formatPence(g.amountAwardedPence)}</li>`)}</ul>` : ""}`,
    { href: "/grants/manage", text: "Open the grants register" },
  );
});
