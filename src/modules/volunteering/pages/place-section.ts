import {
  monthlyTotals,
  placeSection,
  profileSection,
  smallCount,
  smallCountValue,
} from "../../../platform/http/place-profile.ts";
import { html } from "../../../platform/ui/index.ts";
import { canViewReports } from "../policy.ts";
import { verifiedMinutesInDistrictByDay, volunteersInDistrict } from "../queries/place-volunteers.ts";

const heading = "Volunteers and involvement";

/** Volunteering on a profile: how many volunteers live in the district and roles offered there. */
export const volunteeringPlaceSection = placeSection(
  canViewReports,
  async (actor, place, { db, today, months }) => {
    const [counts, minutes] = await Promise.all([
      volunteersInDistrict(db, actor, place.laCode),
      verifiedMinutesInDistrictByDay(db, actor, place.laCode, months.from, months.to),
    ]);
    return {
      figures: [
        {
          section: heading,
          figure: "Volunteers living in the district",
          period: today,
          value: smallCountValue(counts.volunteers),
        },
        {
          section: heading,
          figure: "Volunteering roles in the district",
          period: today,
          value: counts.roles,
        },
      ],
      trends: [
        {
          name: "Volunteer hours (verified)",
          unit: "hours",
          suppressed: false,
          // Whole hours: the chart and the export agree, and minutes would suggest false precision.
          values: monthlyTotals(months.months, minutes).map((m) => Math.round(m / 60)),
        },
      ],
      html: profileSection(
        heading,
        html`<p class="govuk-body">${smallCount(counts.volunteers)} volunteers live in the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}, and ${counts.roles} volunteering roles are based there.</p>`,
        { href: "/volunteering", text: "Open volunteering" },
      ),
    };
  },
);
