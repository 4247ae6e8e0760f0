import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatDateTime,
  html,
  type SafeHtml,
  summaryList,
  table,
  textarea,
  timeline,
} from "../../../platform/ui/index.ts";
import { addPartnerNote } from "../commands/partner-note.ts";
import { hateStrandNames, partyRoleNames } from "../domain/categories.ts";
import { sharedPartNames } from "../domain/sharing.ts";
import { getSharedCase, listSharedCases, type SharedCaseView } from "../queries/shared-cases.ts";
import { attempt, bandTag, csrfField } from "./common.ts";

// Partner agency pages: the cases shared with the user's agency. A part that is not shared is not
// rendered at all (not hidden): the query leaves it out, and this page only draws what is there.

function roleName(role: string): string {
  return partyRoleNames[role as keyof typeof partyRoleNames] ?? role;
}

function sharedParts(view: SharedCaseView): SafeHtml {
  const sections: SafeHtml[] = [];
  if (view.summary !== undefined)
    sections.push(html`<h2 class="govuk-heading-m">What happened</h2>
      ${summaryList([
        { key: "Summary", value: view.summary ?? "" },
        { key: "Next step", value: view.nextStep ?? "–" },
        {
          key: "Hate incident",
          value: view.hateStrand
            ? (hateStrandNames[view.hateStrand as keyof typeof hateStrandNames] ?? view.hateStrand)
            : "No",
        },
      ])}`);
  if (view.safeguardingFlags !== undefined)
    sections.push(html`<h2 class="govuk-heading-m">Safeguarding</h2>
      <p class="govuk-body">${view.safeguardingFlags.length ? view.safeguardingFlags.join(", ") : "No safeguarding flags."}</p>`);
  if (view.parties !== undefined) {
    const columns = {
      name: view.parties.some((p) => "name" in p),
      contact: view.parties.some((p) => "address" in p),
      risk: view.parties.some((p) => "vulnerable" in p),
    };
    sections.push(html`<h2 class="govuk-heading-m">Parties</h2>
      ${table({
        caption: "Parties",
        captionClasses: "govuk-visually-hidden",
        head: [
          ...(columns.name ? [{ text: "Name" }] : []),
          { text: "Role" },
          ...(columns.contact ? [{ text: "Address" }, { text: "Contact" }, { text: "Date of birth" }] : []),
          ...(columns.risk ? [{ text: "Vulnerability" }] : []),
        ],
        rows: view.parties.map((p) => [
          ...(columns.name ? [p.name ?? ""] : []),
          roleName(p.role),
          ...(columns.contact
            ? [p.address ?? "–", p.contact ?? "–", p.dateOfBirth ? formatDate(p.dateOfBirth) : "–"]
            : []),
          ...(columns.risk ? [p.vulnerable ? (p.vulnerabilityNote ?? "Vulnerable") : "–"] : []),
        ]),
      })}`);
  }
  if (view.risk !== undefined)
    sections.push(html`<h2 class="govuk-heading-m">Risk assessments</h2>
      ${view.risk.length === 0 ? html`<p class="govuk-body">Not assessed yet.</p>` : table({ caption: "Risk assessments", captionClasses: "govuk-visually-hidden", head: [{ text: "Assessed" }, { text: "Score" }, { text: "Band" }], rows: view.risk.map((r) => [formatDateTime(r.assessedAt), String(r.score), bandTag(r.band)]) })}`);
  if (view.actions !== undefined)
    sections.push(html`<h2 class="govuk-heading-m">Actions and remedies</h2>
      ${view.actions.length === 0 ? html`<p class="govuk-body">No actions yet.</p>` : table({ caption: "Actions", captionClasses: "govuk-visually-hidden", head: [{ text: "Action" }, { text: "Started" }, { text: "Due" }, { text: "Status" }], rows: view.actions.map((a) => [a.type, formatDate(a.startedOn), a.dueOn ? formatDate(a.dueOn) : "–", a.status]) })}`);
  if (view.timeline !== undefined)
    sections.push(html`<h2 class="govuk-heading-m">Timeline</h2>
      ${timeline(
        view.timeline.map((e) => ({ title: e.title, by: e.kind, at: e.at, description: e.body ?? "" })),
        3,
      )}`);
  return html`${sections}`;
}

export function sharedCasePages(app: Hono<AppEnv>): void {
  app.get("/safety/shared", async (c) => {
    const actor = requireActor(c);
    const cases = await callForPage(c, listSharedCases, actor);
    return renderPage(c, {
      title: "Cases shared with your agency",
      content: html`<h1 class="govuk-heading-l">Cases shared with your agency</h1>
        ${
          cases.length === 0
            ? html`<p class="govuk-body">No cases are shared with your agency at the moment.</p>`
            : table({
                caption: "Cases shared with your agency",
                captionClasses: "govuk-visually-hidden",
                head: [
                  { text: "Reference" },
                  { text: "Category" },
                  { text: "Status" },
                  { text: "Shared on" },
                  { text: "Lawful basis" },
                ],
                rows: cases.map((item) => [
                  html`<a class="govuk-link" href="/safety/shared/${item.id}">${item.reference}</a>`,
                  item.category,
                  item.status,
                  formatDate(item.sharedAt),
                  item.lawfulBasis,
                ]),
              })
        }`,
    });
  });

  const casePage = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors: FieldErrors = {},
    status: 200 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    const view = await callForPage(c, getSharedCase, actor, c.req.param("id") ?? "");
    return renderPage(c, {
      title: `Shared case ${view.reference}`,
      backLink: "/safety/shared",
      errors,
      status,
      notification: flashFrom(c, { added: "Your information was added to the case" }),
      content: html`<span class="govuk-caption-l">${view.category}</span>
        <h1 class="govuk-heading-l">Shared case ${view.reference}</h1>
        ${summaryList(
          view.shares.flatMap((s) => [
            { key: "Lawful basis", value: s.lawfulBasis },
            { key: "Purpose", value: s.purpose },
            {
              key: "Shared with",
              value: `${s.agencyName} on ${formatDateTime(s.sharedAt)}${s.expiresOn ? `, until ${formatDate(s.expiresOn)}` : ""}`,
            },
          ]),
        )}
        ${summaryList([
          { key: "Status", value: view.status },
          { key: "Opened", value: formatDate(view.openedOn) },
          ...(view.closedOn ? [{ key: "Closed", value: formatDate(view.closedOn) }] : []),
          {
            key: "Shared parts",
            value: view.parts.length
              ? view.parts.map((p) => sharedPartNames[p]).join("; ")
              : "The case heading only",
          },
        ])}
        ${sharedParts(view)}
        <h2 class="govuk-heading-m">Add information</h2>
        <form method="post" action="/safety/shared/${view.id}/notes" novalidate>${csrfField(c)}
          ${textarea({ name: "note", label: "Information for the community safety team", hint: "It goes on the case timeline as from your agency.", value: values.note, error: errors.note, rows: 4 })}
          ${button({ text: "Add information" })}
        </form>`,
    });
  };

  app.get("/safety/shared/:id", (c) => casePage(c));

  app.post("/safety/shared/:id/notes", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const caseId = c.req.param("id");
    const result = await attempt(
      () =>
        callForPage(c, addPartnerNote, actor, caseId, {
          note: values.note ?? "",
        }),
      (errors) => casePage(c, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/shared/${caseId}?done=added`, 303);
  });
}
