import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  formatDateTime,
  html,
  radios,
  select,
  summaryList,
  table,
  tag,
  textarea,
  textInput,
  timeline,
  warningText,
} from "../../../platform/ui/index.ts";
import type { PartyInput } from "../commands/case-input.ts";
import { openCase } from "../commands/open-case.ts";
import { findActionType } from "../domain/actions.ts";
import {
  categories,
  closureOutcomeNames,
  findCategory,
  hateStrandNames,
  hateStrands,
  partyRoleNames,
  statusName,
  workflowNames,
} from "../domain/categories.ts";
import { londonDay } from "../domain/settings.ts";
import { homeByUprn } from "../neighbours.ts";
import { getCase } from "../queries/get-case.ts";
import { attempt, bandTag, csrfField, safetyNav } from "./common.ts";

function newCaseForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const opened = (values.openedOn ?? "").split("-");
  return renderPage(c, {
    title: "Record a report",
    errors,
    status,
    content: html`${safetyNav("/safety/cases/new")}<h1 class="govuk-heading-l">Record a report and open a case</h1>
      <form method="post" action="/safety/cases/new" novalidate>${csrfField(c)}
        ${select({ name: "category", label: "Category", value: values.category, error: errors.category, options: [{ value: "", text: "Choose a category" }, ...categories.map((cat) => ({ value: cat.code, text: `${cat.name} (${workflowNames[cat.workflow]})` }))] })}
        ${select({ name: "hateStrand", label: "Hate incident strand (if it is a hate incident)", value: values.hateStrand, error: errors.hateStrand, options: [{ value: "", text: "Not a hate incident" }, ...hateStrands.map((s) => ({ value: s, text: hateStrandNames[s] }))] })}
        ${radios({
          name: "locationType",
          legend: { text: "Where did it happen?", classes: "govuk-fieldset__legend--s" },
          value: values.locationType,
          error: errors.locationType,
          items: [
            { value: "home", text: "At a home" },
            { value: "block", text: "In a block" },
            { value: "open-space", text: "In an open space" },
          ],
        })}
        ${textInput({ name: "uprn", label: "UPRN of the home (for a home or block)", value: values.uprn, error: errors.homeId ?? errors.uprn, width: 20, inputmode: "numeric" })}
        ${textInput({ name: "blockName", label: "Block name (optional)", value: values.blockName, error: errors.blockName })}
        ${textInput({ name: "locationDescription", label: "Describe the place (for an open space)", value: values.locationDescription, error: errors.locationDescription })}
        ${textInput({ name: "laCode", label: "Local authority code (for an open space), like E06000035", value: values.laCode, error: errors.laCode, width: 10 })}
        ${dateInput({ name: "openedOn", legend: { text: "Date reported", classes: "govuk-fieldset__legend--s" }, error: errors.openedOn, value: { year: opened[0] ?? "", month: opened[1] ?? "", day: opened[2] ?? "" } })}
        ${textarea({ name: "summary", label: "What happened", value: values.summary, error: errors.summary, rows: 5 })}
        ${textInput({ name: "complainantName", label: "Complainant or victim's name", value: values.complainantName, error: errors["parties.0.name"] ?? errors.parties })}
        ${textInput({ name: "complainantContact", label: "Complainant's phone or email (optional)", value: values.complainantContact })}
        ${checkboxes({ name: "vulnerable", legend: { text: "Vulnerability", classes: "govuk-fieldset__legend--s" }, values: values.vulnerable ? ["yes"] : [], items: [{ value: "yes", text: "The complainant is vulnerable" }] })}
        ${textInput({ name: "perpetratorName", label: "Alleged perpetrator's name (optional)", value: values.perpetratorName })}
        ${textInput({ name: "safeguarding", label: "Safeguarding flags (optional, separate with commas)", value: values.safeguarding })}
        ${button({ text: "Open case" })}
      </form>`,
  });
}

export function casePages(app: Hono<AppEnv>): void {
  app.get("/safety/cases/new", (c) => {
    requireActor(c);
    return newCaseForm(c, { openedOn: londonDay(c.get("now")) });
  });

  app.post("/safety/cases/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const openedOn = dateFromParts(values, "openedOn");
    const merged = { ...values, openedOn };
    const db = c.get("services").database.db;
    let homeId: string | null = null;
    if (values.uprn?.trim()) {
      const home = /^[0-9]{1,12}$/.test(values.uprn.trim())
        ? await homeByUprn(db, actor.organisationId, values.uprn.trim())
        : undefined;
      if (!home) return newCaseForm(c, merged, { uprn: "Enter the UPRN of one of your homes" }, 422);
      homeId = home.id;
    }
    const parties: PartyInput[] = [];
    if (values.complainantName?.trim() || !values.perpetratorName?.trim()) {
      parties.push({
        role: "complainant" as const,
        name: values.complainantName ?? "",
        contact: values.complainantContact || null,
        vulnerable: values.vulnerable === "yes",
      });
    }
    if (values.perpetratorName?.trim())
      parties.push({ role: "alleged-perpetrator" as const, name: values.perpetratorName });
    const result = await attempt(
      () =>
        openCase(db, actor, c.get("now"), {
          category: values.category ?? "",
          hateStrand: (values.hateStrand || null) as (typeof hateStrands)[number] | null,
          locationType: (values.locationType || undefined) as "home" | "block" | "open-space",
          homeId,
          blockName: values.blockName || null,
          locationDescription: values.locationDescription || null,
          laCode: values.laCode?.trim().toUpperCase() || null,
          summary: values.summary ?? "",
          openedOn,
          safeguardingFlags: (values.safeguarding ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          parties,
        }),
      (errors) => newCaseForm(c, merged, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${result.id}?done=opened`, 303);
  });

  app.get("/safety/cases/:id", async (c) => {
    const actor = requireActor(c);
    const file = await getCase(c.get("services").database.db, actor, c.get("now"), c.req.param("id"));
    const r = file.record;
    const category = findCategory(r.category);
    const base = `/safety/cases/${r.id}`;
    const open = r.closedOn === null;
    const latest = file.assessments.at(-1);
    const openReview = file.triggerReviews.find((t) => t.status === "threshold-met");
    return renderPage(c, {
      title: `Case ${r.reference}`,
      fullWidth: true,
      breadcrumbs: [{ href: "/safety", text: "Community safety" }],
      notification: flashFrom(c, {
        opened: "The case has been opened.",
        triaged: "The report has been triaged.",
        saved: "Saved.",
        letter: "The letter has been generated and saved to the case.",
      }),
      content: html`
        ${file.alerts.length ? html`<div class="govuk-!-margin-bottom-6">${file.alerts.map((alert) => warningText(alert, "Alert"))}</div>` : ""}
        <span class="govuk-caption-l">${category?.name ?? r.category} · ${workflowNames[r.workflow as keyof typeof workflowNames] ?? r.workflow}</span>
        <h1 class="govuk-heading-l">Case ${r.reference} ${open ? tag(statusName(r.workflow, r.status), "blue") : tag("Closed", "grey")} ${latest ? bandTag(latest.band) : ""}</h1>
        ${file.trigger.met ? warningText(`Community Trigger threshold met: ${file.trigger.qualifyingReports} qualifying reports in the window (threshold ${file.trigger.threshold}${file.trigger.hate ? ", hate incident" : ""}).`, "Community Trigger") : ""}
        ${summaryList([
          { key: "Opened", value: formatDate(r.openedOn) },
          {
            key: "Closed",
            value: r.closedOn
              ? `${formatDate(r.closedOn)}: ${closureOutcomeNames[r.closureOutcome as keyof typeof closureOutcomeNames] ?? r.closureOutcome ?? ""}`
              : "Open",
          },
          { key: "NSIR type", value: r.nsirType },
          {
            key: "Hate incident",
            value: r.hateStrand ? hateStrandNames[r.hateStrand as keyof typeof hateStrandNames] : "No",
          },
          {
            key: "Location",
            value: [r.locationType.replace("-", " "), r.blockName, r.locationDescription]
              .filter(Boolean)
              .join(", "),
          },
          { key: "Lead officer", value: file.leadOfficer ?? "Not assigned" },
          { key: "Summary", value: r.summary ?? "" },
          {
            key: "Shared with complainant",
            value: r.publishedFields.length
              ? r.publishedFields.join(", ")
              : "Only status, reference and dates (redaction on)",
            actions: open
              ? [
                  {
                    href: `${base}/publication`,
                    text: "Change",
                    visuallyHiddenText: "what the complainant sees",
                  },
                ]
              : [],
          },
        ])}
        ${
          open
            ? html`<div class="govuk-button-group">
          <a class="govuk-button govuk-button--secondary" href="${base}/assess">Assess risk</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/actions/new">Record an action</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/reports/new">Record a further report</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/notes/new">Add a note or contact</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/parties/new">Add a party</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/status">Change status</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/letters/new">Generate a letter</a>
          <a class="govuk-button govuk-button--secondary" href="${base}/share">Share with an agency</a>
          <a class="govuk-button govuk-button--warning" href="${base}/close">Close case</a></div>`
            : ""
        }
        <h2 class="govuk-heading-m">Parties</h2>
        ${table({
          caption: "Parties",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Name" },
            { text: "Role" },
            { text: "Contact" },
            { text: "Incidents in window" },
            { text: "Flags" },
          ],
          rows: file.parties.map((p) => [
            p.personId || p.externalRef
              ? html`<a class="govuk-link" href="/safety/people/${encodeURIComponent(p.personId ?? p.externalRef ?? "")}">${p.displayName}</a>`
              : p.displayName,
            partyRoleNames[p.role as keyof typeof partyRoleNames] ?? p.role,
            p.contact ?? "–",
            `${p.incidents.victim} as complainant, ${p.incidents.perpetrator} as alleged perpetrator`,
            html`${p.repeatVictim ? tag("Repeat victim", "purple") : ""} ${p.repeatPerpetrator ? tag("Repeat perpetrator", "red") : ""} ${p.vulnerable ? tag("Vulnerable", "orange") : ""}`,
          ]),
        })}
        <h2 class="govuk-heading-m">Risk assessments</h2>
        ${file.assessments.length === 0 ? html`<p class="govuk-body">Not assessed yet.</p>` : table({ caption: "Risk over time", captionClasses: "govuk-visually-hidden", head: [{ text: "Assessed" }, { text: "Score" }, { text: "Calculated" }, { text: "Band" }, { text: "Matrix" }, { text: "Next review" }], rows: file.assessments.map((a) => [formatDateTime(a.assessedAt), String(a.score), a.computedBand, html`${bandTag(a.band)}${a.overrideReason ? html`<br><span class="govuk-body-s">Override: ${a.overrideReason}</span>` : ""}`, `${a.matrixName} v${a.matrixVersion}`, a.nextReviewOn ? formatDate(a.nextReviewOn) : "–"]) })}
        <h2 class="govuk-heading-m">Actions and remedies</h2>
        ${
          file.actions.length === 0
            ? html`<p class="govuk-body">No actions yet.</p>`
            : table({
                caption: "Actions",
                captionClasses: "govuk-visually-hidden",
                head: [
                  { text: "Action" },
                  { text: "Started" },
                  { text: "Due" },
                  { text: "Status" },
                  { text: "" },
                ],
                rows: file.actions.map((a) => [
                  html`${findActionType(a.actionType)?.name ?? a.actionType}${typeof a.details.noticeDeadline === "string" ? html`<br><span class="govuk-body-s">Ground 7A notice by ${formatDate(a.details.noticeDeadline)}</span>` : ""}${a.costPence !== null ? html`<br><span class="govuk-body-s">Cost £${(a.costPence / 100).toFixed(2)}</span>` : ""}`,
                  formatDate(a.startedOn),
                  a.dueOn ? formatDate(a.dueOn) : "–",
                  a.status === "open" && a.dueOn && a.dueOn < londonDay(c.get("now"))
                    ? tag("Overdue", "red")
                    : a.status,
                  a.status === "open"
                    ? html`<form method="post" action="${base}/actions/${a.id}/complete" novalidate>${csrfField(c)}<button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Mark done<span class="govuk-visually-hidden"> ${findActionType(a.actionType)?.name ?? ""} started ${a.startedOn}</span></button></form>`
                    : "",
                ]),
              })
        }
        ${openReview ? html`<h2 class="govuk-heading-m">Community Trigger review</h2><p class="govuk-body">Threshold met on ${formatDate(openReview.detectedOn)} with ${openReview.qualifyingReports} qualifying reports.</p><p class="govuk-body"><a class="govuk-link" href="${base}/trigger/${openReview.id}">Record the review and its outcome</a></p>` : ""}
        ${file.related.length ? html`<h2 class="govuk-heading-m">Possibly related open cases</h2>${table({ caption: "Related cases", captionClasses: "govuk-visually-hidden", head: [{ text: "Case" }, { text: "Why" }], rows: file.related.map((rel) => [html`<a class="govuk-link" href="/safety/cases/${rel.id}">${rel.reference}</a>`, rel.reasons.join(", ")]) })}` : ""}
        <h2 class="govuk-heading-m">Documents</h2>
        ${file.documents.length === 0 ? html`<p class="govuk-body">No documents.</p>` : html`<ul class="govuk-list">${file.documents.map((d) => html`<li><a class="govuk-link" href="${base}/documents/${d.id}">${d.fileName}</a> (${d.kind}, ${Math.ceil(d.sizeBytes / 1024)} KB)</li>`)}</ul>`}
        <h2 class="govuk-heading-m">Timeline</h2>
        ${timeline(
          file.timeline.map((e) => ({
            title: e.title,
            by: e.authorLabel,
            at: e.at,
            description: html`${e.body ?? ""}${e.published ? html` ${tag("Shared with complainant", "green")}` : ""}`,
          })),
          3,
        )}`,
    });
  });
}
