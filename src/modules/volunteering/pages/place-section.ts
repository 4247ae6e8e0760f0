import { placeSection, profileSection, smallCount } from "../../../platform/http/place-profile.ts";
import { html } from "../../../platform/ui/index.ts";
import { canViewReports } from "../policy.ts";
import { volunteersInDistrict } from "../queries/place-volunteers.ts";

/** Volunteering on a profile: how many volunteers live in the district and roles offered there. */
export const volunteeringPlaceSection = placeSection(canViewReports, async (c, actor, place) => {
  const counts = await volunteersInDistrict(c.get("services").database.db, actor, place.laCode);
  return profileSection(
    "Volunteers and involvement",
    html`<p class="govuk-body">${smallCount(counts.volunteers)} volunteers live in the district${place.level === "lsoa" ? " this neighbourhood is in" : ""}, and ${counts.roles} volunteering roles are based there.</p>`,
    { href: "/volunteering", text: "Open volunteering" },
  );
});
