import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  formatDate,
  formatDateTime,
  html,
  summaryList,
  table,
  tag,
  timeline,
  warningText,
} from "../../../platform/ui/index.ts";
import { locatorMap } from "../../places/index.ts";
import { publishableCaseFieldNames } from "../commands/publication-and-sharing.ts";
import { findActionType } from "../domain/actions.ts";
import {
  closureOutcomeNames,
  hateStrandNames,
  locationTypeNames,
  partyRoleNames,
  workflowNames,
} from "../domain/categories.ts";
import { cachedSafetyConfiguration, categoryLabel, statusLabel } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { getCase } from "../queries/get-case.ts";
import { agencySharingSection } from "./agency-sharing-forms.ts";
import { officerMessagesPanel } from "./case-messages.ts";
import { bandTag, csrfField } from "./common.ts";

export function casePages(app: Hono<AppEnv>): void {
  app.get("/safety/cases/:id", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    // The organisation's categories and statuses do not depend on the case: read beside it.
    const [file, configuration] = await Promise.all([
      getCase(db, actor, c.get("now"), c.req.param("id"), { messages: true }),
      cachedSafetyConfiguration(db, actor.organisationId),
    ]);
    const r = file.record;
    const locator = await locatorMap(db, file.place, "case-locator");
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
        message: "Your reply has been sent.",
      }),
      content: html`
        ${file.alerts.length ? html`<div class="govuk-!-margin-bottom-6">${file.alerts.map((alert) => warningText(alert, "Alert"))}</div>` : ""}
        <span class="govuk-caption-l">${categoryLabel(configuration, r.category)}${r.subCategory ? `: ${r.subCategory}` : ""} · ${workflowNames[r.workflow as keyof typeof workflowNames] ?? r.workflow}</span>
        <h1 class="govuk-heading-l">Case ${r.reference} ${open ? tag(statusLabel(configuration, r.workflow, r.status), "blue") : tag("Closed", "grey")} ${latest ? bandTag(latest.band) : ""}</h1>
        ${file.trigger.met ? warningText(`Community Trigger threshold met: ${file.trigger.qualifyingReports} qualifying reports in the window (threshold ${file.trigger.threshold}${file.trigger.hate ? ", hate incident" : ""}).`, "Community Trigger") : ""}
        ${summaryList([
          { key: "Opened", value: formatDate(r.openedOn) },
          ...(open && r.statusDueOn
            ? [
                {
                  key: "Status target",
                  value: `${r.statusDueOn < londonDay(c.get("now")) ? "Overdue: was due" : "Move on by"} ${formatDate(r.statusDueOn)}`,
                },
              ]
            : []),
          {
            key: "Closed",
            value: r.closedOn
              ? `${formatDate(r.closedOn)}: ${closureOutcomeNames[r.closureOutcome as keyof typeof closureOutcomeNames] ?? r.closureOutcome ?? ""}${r.closureReason ? `. ${r.closureReason}` : ""}`
              : "Open",
          },
          { key: "NSIR type", value: r.nsirType },
          {
            key: "Hate incident",
            value: r.hateStrand ? hateStrandNames[r.hateStrand as keyof typeof hateStrandNames] : "No",
          },
          {
            key: locationTypeNames[r.locationType as keyof typeof locationTypeNames] ?? "Where",
            value: file.place.address,
          },
          ...(file.place.localAuthority ? [{ key: "Council area", value: file.place.localAuthority }] : []),
          { key: "Lead officer", value: file.leadOfficer ?? "Not assigned" },
          { key: "Summary", value: r.summary ?? "" },
          {
            key: "Shared with complainant",
            value: r.publishedFields.length
              ? r.publishedFields
                  .map((f) => publishableCaseFieldNames[f as keyof typeof publishableCaseFieldNames] ?? f)
                  .join(", ")
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
        ${locator}
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
            : html`<div class="govuk-button-group"><a class="govuk-button govuk-button--secondary" href="${base}/reopen">Reopen case</a></div>`
        }
        <h2 class="govuk-heading-m">Parties</h2>
        ${table({
          caption: "Parties",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Name" },
            { text: "Role" },
            { text: "Address" },
            { text: "Contact" },
            { text: "Incidents in window" },
            { text: "Flags" },
          ],
          rows: file.parties.map((p) => [
            p.personId || p.externalRef
              ? html`<a class="govuk-link" href="/safety/people/${encodeURIComponent(p.personId ?? p.externalRef ?? "")}">${p.displayName}</a>`
              : p.displayName,
            partyRoleNames[p.role as keyof typeof partyRoleNames] ?? p.role,
            p.address ?? "–",
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
        <p class="govuk-body"><a class="govuk-link" href="${base}/same-matter">Same matter as another case (NM01)</a></p>
        ${file.related.length ? html`<h2 class="govuk-heading-m">Possibly related open cases</h2>${table({ caption: "Related cases", captionClasses: "govuk-visually-hidden", head: [{ text: "Case" }, { text: "Why" }], rows: file.related.map((rel) => [html`<a class="govuk-link" href="/safety/cases/${rel.id}">${rel.reference}</a>`, rel.reasons.join(", ")]) })}` : ""}
        ${agencySharingSection(c, base, file.sharing, londonDay(c.get("now")))}
        ${officerMessagesPanel(c, base, file.threads, open)}
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
