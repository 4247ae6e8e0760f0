import { Hono } from "hono";
import { publicOrganisationBySlug } from "../../../platform/access/public-organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  html,
  insetText,
  select,
  summaryList,
  tag,
  textInput,
} from "../../../platform/ui/index.ts";
import {
  getPublicOpportunity,
  type PublicResult,
  searchPublicOpportunities,
} from "../queries/opportunities.ts";
import { availabilitySlots, checkKinds, interests, labelsOf, skills, themes } from "../vocabulary.ts";
import { applyRoutes } from "./apply-pages.ts";

const optionsOf = (list: Record<string, string>, any: string) => [
  { value: "", text: any },
  ...Object.entries(list).map(([value, text]) => ({ value, text })),
];

function resultCard(slug: string, role: PublicResult): ReturnType<typeof html> {
  return html`<li class="govuk-!-margin-bottom-6">
    <h2 class="govuk-heading-m govuk-!-margin-bottom-1"><a class="govuk-link" href="/volunteer/${slug}/roles/${role.id}">${role.title}</a></h2>
    <p class="govuk-body-s govuk-!-margin-bottom-1">${themes[role.theme]} · ${role.remote ? "Remote" : (role.locationName ?? role.postcode)}${role.distanceKm !== null ? ` · about ${Math.max(1, Math.round(role.distanceKm))} km away` : ""}</p>
    <p class="govuk-body govuk-!-margin-bottom-1">${role.description.length > 220 ? `${role.description.slice(0, 217)}…` : role.description}</p>
    <p class="govuk-body-s">${role.timeCommitment} · ${role.placesLeft === 0 ? tag("Full", "grey") : `${role.placesLeft} ${role.placesLeft === 1 ? "place" : "places"} left`}</p>
  </li>`;
}

export function publicVolunteeringPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteer/:slug", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const query = {
      interest: c.req.query("interest") ?? "",
      skill: c.req.query("skill") ?? "",
      availability: c.req.query("availability") ?? "",
      postcode: c.req.query("postcode") ?? "",
    };
    let results: PublicResult[] = [];
    let errors: Record<string, string> | undefined;
    try {
      results = await searchPublicOpportunities(c.get("services").database.db, org.id, query);
    } catch (error) {
      if (!(error instanceof Problem) || error.status !== 422) throw error;
      errors = error.fieldErrors;
    }
    const slug = org.slug;
    return renderPage(c, {
      title: `Volunteer with ${org.name}`,
      errors,
      status: errors ? 422 : 200,
      content: html`<h1 class="govuk-heading-xl">Volunteer with ${org.name}</h1>
        <p class="govuk-body-l">Find a role that suits you: in your neighbourhood or from home.</p>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            <form method="get" action="/volunteer/${slug}" novalidate>
              <h2 class="govuk-heading-m">Search</h2>
              ${select({ name: "interest", label: "What interests you", options: optionsOf(interests, "Any interest"), value: query.interest, error: errors?.interest })}
              ${select({ name: "skill", label: "A skill you can offer", options: optionsOf(skills, "Any skill"), value: query.skill, error: errors?.skill })}
              ${select({ name: "availability", label: "When you are free", options: optionsOf(availabilitySlots, "Any time"), value: query.availability, error: errors?.availability })}
              ${textInput({ name: "postcode", label: "Your postcode", hint: "We show roles within about 15 km, nearest first", value: query.postcode, width: 10, autocomplete: "postal-code", error: errors?.postcode })}
              ${button({ text: "Search roles" })}
            </form>
          </div>
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m">${results.length} ${results.length === 1 ? "role" : "roles"} found</h2>
            ${results.length === 0 ? html`<p class="govuk-body">No roles match. Try fewer filters.</p>` : html`<ul class="govuk-list">${results.map((role) => resultCard(slug, role))}</ul>`}
          </div>
        </div>`,
    });
  });

  app.get("/volunteer/:slug/roles/:id", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const role = await getPublicOpportunity(c.get("services").database.db, org.id, c.req.param("id"));
    const requirements = [
      role.dbsRequired ? "An enhanced DBS check (we arrange this, free of charge)" : null,
      ...role.trainingRequired.map((kind) => `${checkKinds[kind]} (we can arrange this)`),
      role.minimumAge !== null ? `You must be ${role.minimumAge} or over` : null,
    ].filter((text): text is string => text !== null);
    return renderPage(c, {
      title: role.title,
      breadcrumbs: [{ href: `/volunteer/${org.slug}`, text: `Volunteer with ${org.name}` }],
      content: html`<span class="govuk-caption-l">${role.activity}</span>
        <h1 class="govuk-heading-xl">${role.title}</h1>
        <p class="govuk-body">${role.description}</p>
        ${summaryList([
          {
            key: "Where",
            value: role.remote
              ? "Remote: from home"
              : [role.locationName, role.postcode].filter(Boolean).join(", "),
          },
          { key: "Time", value: role.timeCommitment },
          { key: "When", value: labelsOf(availabilitySlots, role.availability) || "Flexible" },
          { key: "Good for people interested in", value: labelsOf(interests, role.interests) },
          { key: "Useful skills", value: labelsOf(skills, role.skills) || "None needed" },
          {
            key: "What you need",
            value: requirements.length
              ? html`<ul class="govuk-list govuk-list--bullet">${requirements.map((r) => html`<li>${r}</li>`)}</ul>`
              : "Nothing: we give you everything you need",
          },
          { key: "Places left", value: String(role.placesLeft) },
          ...(role.approvedAt ? [{ key: "Posted", value: formatDate(role.approvedAt) }] : []),
        ])}
        ${
          role.placesLeft > 0
            ? button({
                text: "Apply for this role",
                href: `/volunteer/${org.slug}/roles/${role.id}/apply`,
                isStartButton: true,
              })
            : insetText("This role is full. Search again for similar roles.")
        }`,
    });
  });

  app.route("/", applyRoutes());
  return app;
}
