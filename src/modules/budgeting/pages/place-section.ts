import { placeSection, profileSection } from "../../../platform/http/place-profile.ts";
import { html } from "../../../platform/ui/index.ts";
import { canViewProcesses } from "../policy.ts";
import { processesInPlace } from "../queries/place-processes.ts";

const heading = "Participatory budgeting";

/** Participatory budgeting on a profile: processes for this place, with ideas and votes. */
export const budgetingPlaceSection = placeSection(canViewProcesses, async (actor, place, { db, today }) => {
  const processes = await processesInPlace(db, actor, place);
  return {
    figures: processes.flatMap((p) => [
      { section: heading, figure: `${p.title}: ideas`, period: today, value: p.ideas },
      { section: heading, figure: `${p.title}: votes`, period: today, value: p.ballots },
    ]),
    trends: [],
    html: profileSection(
      heading,
      processes.length === 0
        ? html`<p class="govuk-body">No budgeting process has been run for this area alone.</p>`
        : html`<ul class="govuk-list govuk-list--bullet">${processes.map((p) => html`<li><a class="govuk-link" href="/budgeting/${p.id}">${p.title}</a> (${p.phase}): ${p.ideas} ideas, ${p.ballots} votes</li>`)}</ul>`,
      { href: "/budgeting", text: "Open participatory budgeting" },
    ),
  };
});
