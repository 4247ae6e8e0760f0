import { poundsFromPence } from "../../../platform/exports/csv.ts";
import { monthlyTotals, placeSection, profileSection } from "../../../platform/http/place-profile.ts";
import { formatPence, html } from "../../../platform/ui/index.ts";
import { canViewGrants } from "../policy.ts";
import { grantPaymentsInDistrictByDay, grantsInDistrict } from "../queries/place-grants.ts";

const heading = "Grants";

/** Grants on a profile: awards recorded for the district (grants are not placed more finely). */
export const grantsPlaceSection = placeSection(canViewGrants, async (actor, place, { db, today, months }) => {
  const [grants, payments] = await Promise.all([
    grantsInDistrict(db, actor, place.laCode),
    grantPaymentsInDistrictByDay(db, actor, place.laCode, months.from, months.to),
  ]);
  const total = grants.reduce((sum, g) => sum + g.amountAwardedPence, 0);
  const paidPence = monthlyTotals(months.months, payments);
  return {
    figures: [
      { section: heading, figure: "Grants awarded for the district", period: today, value: grants.length },
      { section: heading, figure: "Amount awarded (£)", period: today, value: poundsFromPence(total) },
    ],
    trends: [
      {
        name: "Grants paid (£)",
        unit: "pounds",
        suppressed: false,
        values: paidPence.map(poundsFromPence),
      },
    ],
    html: profileSection(
      heading,
      html`<p class="govuk-body">${grants.length} grants awarded for the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}, ${formatPence(total)} in all.</p>
      ${grants.length > 0 ? html`<ul class="govuk-list govuk-list--bullet">${grants.map((g) => html`<li><a class="govuk-link" href="/grants/manage/grants/${g.id}">${g.title}</a>: ${g.recipientName}, ${formatPence(g.amountAwardedPence)}</li>`)}</ul>` : ""}`,
      { href: "/grants/manage", text: "Open the grants register" },
    ),
  };
});
