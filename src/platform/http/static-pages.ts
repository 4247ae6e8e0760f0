import { type Context, Hono } from "hono";
import type { Actor } from "../access/actor.ts";
import { getOrganisation, listOrganisations } from "../access/organisations.ts";
import { button, html, type SafeHtml } from "../ui/index.ts";
import type { AppEnv } from "./app-env.ts";
import { areasOfWorkFor, renderPage } from "./render.ts";

/** A service for residents and community groups (report ASB, apply for a grant …), listed on the start page. */
export type PublicLink = { href: string; text: string; description: string };

/** Which organisation's public pages a link leads to (modules address them by slug or by id). */
export type PublicOrganisation = { id: string; slug: string };

/** The modules' public services for one organisation. */
export type PublicLinksFor = (organisation: PublicOrganisation) => PublicLink[];

function publicServices(heading: string, links: PublicLink[]): SafeHtml {
  if (links.length === 0) return html``;
  return html`<h2 class="govuk-heading-m">${heading}</h2>
    <ul class="govuk-list govuk-list--spaced">${links.map((link) => html`<li><a class="govuk-link govuk-!-font-weight-bold" href="${link.href}">${link.text}</a><br><span class="govuk-body-s">${link.description}</span></li>`)}</ul>`;
}

function yourAreas(actor: Actor): SafeHtml {
  return html`<ul class="govuk-list govuk-list--spaced">${areasOfWorkFor(actor).map((area) =>
    area.links.length === 1
      ? html`<li><a class="govuk-link govuk-!-font-size-24 govuk-!-font-weight-bold" href="${area.links[0].href}">${area.links[0].text}</a></li>`
      : html`<li><h3 class="govuk-heading-s govuk-!-margin-bottom-1">${area.name}</h3><ul class="govuk-list kith-inline-list">${area.links.map((link) => html`<li><a class="govuk-link" href="${link.href}">${link.text}</a></li>`)}</ul></li>`,
  )}</ul>`;
}

/** The modules' panels for the signed-in home page (headline figures), in module order. */
export type HomePanels = (c: Context<AppEnv>) => Promise<(SafeHtml | string)[]>;

export function staticPages(
  publicLinksFor: PublicLinksFor,
  homePanels: HomePanels = async () => [],
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const actor = c.get("actor");
    const db = c.get("services").database.db;
    // Signed in: your own organisation's services. Signed out: every organisation's, so a resident
    // can find their landlord's or council's pages without knowing an address.
    const organisations = actor
      ? [await getOrganisation(db, actor.organisationId)].filter((o) => o !== undefined)
      : await listOrganisations(db);
    const services = organisations.map((organisation) =>
      publicServices(
        organisations.length === 1
          ? "Services for residents and community groups"
          : `${organisation.name}: services for residents and community groups`,
        publicLinksFor(organisation),
      ),
    );
    return renderPage(c, {
      title: actor ? "Home" : "Kith",
      content: html`<h1 class="govuk-heading-xl">${actor ? `Welcome, ${actor.kind === "user" ? actor.name : ""}` : "Kith"}</h1>
        <p class="govuk-body-l">Invest in neighbourhoods, keep them safe, and show the social value that comes back.</p>
        ${
          actor
            ? html`${await homePanels(c)}<h2 class="govuk-heading-m">Your areas</h2>
              ${yourAreas(actor)}`
            : button({ text: "Sign in", href: "/sign-in", isStartButton: true })
        }
        ${services}`,
    });
  });

  app.get("/accessibility", (c) =>
    renderPage(c, {
      title: "Accessibility statement",
      content: html`<h1 class="govuk-heading-l">Accessibility statement for Kith</h1>
        <p class="govuk-body">This statement applies to Kith, used by housing associations and councils and by the residents, community groups and partners they work with. We want as many people as possible to be able to use it. You should be able to:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard or speech recognition software</li>
          <li>listen to the service using a screen reader</li>
          <li>use every form without JavaScript</li>
        </ul>
        <h2 class="govuk-heading-m">Compliance status</h2>
        <p class="govuk-body">Kith aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard, as required of public sector bodies by the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. Every page is built from GOV.UK and MOJ Design System components, and automated accessibility checks (axe) run on every page in our tests.</p>
        <p class="govuk-body">Charts always come with a table of the same figures.</p>
        <h2 class="govuk-heading-m">Reporting accessibility problems</h2>
        <p class="govuk-body">If you find a problem, tell the organisation that runs this service. If you are not happy with their response, contact the Equality Advisory and Support Service (EASS).</p>`,
    }),
  );

  app.get("/privacy", (c) =>
    renderPage(c, {
      title: "Privacy notice",
      content: html`<h1 class="govuk-heading-l">Privacy notice</h1>
        <p class="govuk-body">The organisation that runs this service is the data controller for the personal information in it. Kith records personal information to manage community safety cases, community investment, funding and volunteering.</p>
        <h2 class="govuk-heading-m">What we record</h2>
        <p class="govuk-body">Names, contact details, addresses and, where you give consent, equality monitoring information (special category data). Community safety cases may contain information about alleged offences (criminal offence data), which is processed under the Crime and Disorder Act 1998 and the Anti-social Behaviour, Crime and Policing Act 2014.</p>
        <h2 class="govuk-heading-m">Who can see it</h2>
        <p class="govuk-body">Only staff who need it for their role. Every view of personal information is recorded in an audit log that cannot be edited. Information is shared with partner agencies only with a recorded lawful basis.</p>
        <h2 class="govuk-heading-m">How long we keep it</h2>
        <p class="govuk-body">Community safety cases are reviewed for deletion 6 years after they close, unless a court order is still in force.</p>
        <h2 class="govuk-heading-m">Your rights</h2>
        <p class="govuk-body">You can ask for a copy of your information (a subject access request), ask for it to be corrected, and complain to the Information Commissioner's Office.</p>`,
    }),
  );

  return app;
}
