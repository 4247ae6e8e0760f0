// Issuing a voting code: the officer finds the resident by name, email or postcode, not by record id.
import type { Hono } from "hono";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, html, table, textInput } from "../../../platform/ui/index.ts";
import { ageBand, findPeople } from "../../people/index.ts";
import { canEnterPaperBallots } from "../policy.ts";
import { csrf, staffPath } from "./common.ts";
import { processForStaff } from "./staff-process.ts";

const ageBandNames = {
  "under-25": "Under 25",
  "25-49": "25 to 49",
  "50-plus": "50 or over",
  unknown: "Age not known",
};

/** Why a search cannot run, in words the officer can act on; null when it can. */
export function voteCodeSearchProblem(query: string): string | null {
  if (query.length < 2)
    return "Enter at least 2 characters of the resident's name, email address or postcode";
  if (query.length > 100) return "Enter 100 characters or fewer";
  return null;
}

export function voteCodePages(app: Hono<AppEnv>): void {
  app.get("/budgeting/:id/codes", async (c) => {
    const { actor, db, process } = await processForStaff(
      c,
      canEnterPaperBallots,
      "Only officers can issue voting codes.",
    );
    const query = (c.req.query("q") ?? "").trim();
    const problem = c.req.query("q") === undefined ? null : voteCodeSearchProblem(query);
    const found =
      query && !problem ? await findPeople(db, actor, { search: query, pageSize: 25 }, c.get("now")) : null;
    const today = londonDay(c.get("now"));
    return renderPage(c, {
      title: `Issue a voting code: ${process.title}`,
      errors: problem ? { q: problem } : {},
      status: problem ? 422 : 200,
      backLink: staffPath(process),
      content: html`<span class="govuk-caption-l">${process.title}</span><h1 class="govuk-heading-l">Issue a voting code</h1>
        ${process.phase === "voting" ? "" : html`<p class="govuk-body">Voting codes can be issued only while voting is open.</p>`}
        <form method="get" novalidate>${textInput({ name: "q", label: "Find the resident", hint: "Their name, email address or postcode", value: query, error: problem ?? undefined, width: 20, autocomplete: "off", spellcheck: false })}${button({ text: "Search", variant: "secondary" })}</form>
        ${
          found
            ? found.rows.length === 0
              ? html`<p class="govuk-body">No resident matches "${query}".</p>`
              : table({
                  caption: `${found.total > found.rows.length ? `First ${found.rows.length} of ${found.total}` : found.total} resident${found.total === 1 ? "" : "s"} matching "${query}"`,
                  captionClasses: "govuk-table__caption--s",
                  head: [
                    { text: "Name" },
                    { text: "Age" },
                    { text: "Postcode" },
                    { text: "Record" },
                    { text: "Action" },
                  ],
                  rows: found.rows.map((person) => [
                    `${person.givenName} ${person.familyName}`,
                    ageBandNames[ageBand(person.dateOfBirth, today)],
                    person.postcode ?? "–",
                    // The end of the record id tells apart two residents with the same name and postcode.
                    `…${person.id.slice(-6)}`,
                    process.phase === "voting"
                      ? html`<form method="post" action="${staffPath(process)}/codes" novalidate>${csrf(c)}<input type="hidden" name="personId" value="${person.id}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Issue code<span class="govuk-visually-hidden"> to ${person.givenName} ${person.familyName}</span></button></form>`
                      : "",
                  ]),
                })
            : ""
        }`,
    });
  });
}
