// A grant's page: agreement, payments, monitoring returns, funding changes and history.
import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { flashFrom, renderPage } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  details,
  formatDate,
  formatPence,
  html,
  insetText,
  radios,
  type SafeHtml,
  summaryList,
  table,
  textarea,
  textInput,
  timeline,
} from "../../../platform/ui/index.ts";
import { canApproveDirectAward, canManageGrant } from "../policy.ts";
import type { GrantDetail } from "../queries/grant-detail.ts";
import { earliestEffectiveDate } from "../rules.ts";
import { directAwardCriteria } from "../schema.ts";
import { bankDetailsSection } from "./bank-details-section.ts";
import { grantOutcomesSection, outcomeLabel } from "./grant-outcomes-section.ts";
import { monitoringReturnForm } from "./monitoring-form.ts";
import { formError, grantStatusTag } from "./page-helpers.ts";
import { paymentsSection } from "./payments-section.ts";
import type { FailedForm } from "./record-forms.ts";

export type Failed = FailedForm<"change" | "return" | "action" | "vary" | "project" | "paid" | "bank">;

function actionButton(
  c: Context<AppEnv>,
  action: string,
  text: string,
  variant: "primary" | "secondary" = "secondary",
): SafeHtml {
  return html`<form method="post" action="${action}" novalidate class="govuk-!-display-inline">${csrfField(c)}${button({ text, variant, classes: "govuk-!-margin-bottom-0" })}</form>`;
}

export function grantPage(c: Context<AppEnv>, actor: Actor, detail: GrantDetail, failed?: Failed): Response {
  const { grant, agreement, payments, returns, changes, variations, reminders } = detail;
  const base = `/grants/manage/grants/${grant.id}`;
  const today = londonDay(c.get("now"));
  const values = failed?.values ?? {};
  const errors = (form: Failed["form"]) => (failed?.form === form ? failed.errors : {});
  const dueReturns = returns.filter((r) => r.status === "due");
  const nextReturn = dueReturns[0];
  const returnForm =
    canManageGrant(actor) && nextReturn && grant.status === "active"
      ? monitoringReturnForm(
          c,
          `${base}/returns/${nextReturn.id}`,
          grant,
          nextReturn,
          detail.outcomes,
          values,
          errors("return"),
        )
      : "";
  const changeForm =
    canManageGrant(actor) && grant.status === "active"
      ? html`<h2 class="govuk-heading-m">Reduce or end funding</h2>
        ${insetText(`Funding may not be reduced or ended without at least three months' notice. Notice recorded today can take effect on or after ${formatDate(earliestEffectiveDate(today))}.`)}
        ${formError(errors("change"))}
        <form method="post" action="${base}/funding-change" novalidate>${csrfField(c)}
          ${radios({
            name: "kind",
            legend: { text: "Change", classes: "govuk-fieldset__legend--s" },
            value: values.kind,
            error: errors("change").kind,
            items: [
              { value: "reduction", text: "Reduce the remaining payments" },
              { value: "ending", text: "End the funding" },
            ],
          })}
          ${dateInputFor("effectiveOn", "Takes effect on", values, errors("change").effectiveOn)}
          ${textInput({ name: "newInstalment", label: "If reducing: the new amount of each remaining payment", prefix: "£", value: values.newInstalment, error: errors("change").newInstalment, width: 10, inputmode: "decimal" })}
          ${textarea({ name: "reason", label: "Reason", value: values.reason, error: errors("change").reason, rows: 2 })}
          ${textarea({ name: "overrideReason", label: "Manager override: reason for giving less than three months' notice (optional)", hint: "Only managers can override the notice rule. The override is recorded in the audit log.", value: values.overrideReason, error: errors("change").overrideReason, rows: 2 })}
          ${button({ text: "Record change", variant: "warning" })}
        </form>`
      : "";
  return renderPage(c, {
    title: `Grant ${grant.reference}`,
    errors: failed?.errors,
    status: failed?.status ?? 200,
    notification: flashFrom(c, {
      awarded: "Grant awarded: agreement, payment and monitoring schedules created",
      proposed: "Direct award proposed: a manager must approve it",
      approved: "Direct award approved",
      payment: "Payment updated",
      paid: "Payment recorded as paid",
      return: "Monitoring return saved",
      change: "Funding change recorded",
      varied: "Agreement varied",
      project: "Investment project link saved",
      bank: "Bank details saved",
    }),
    breadcrumbs: [
      { href: "/grants/manage", text: "Grants" },
      { href: "/grants/manage/grants", text: "All grants" },
    ],
    content: html`<span class="govuk-caption-l">${grant.reference} · ${grant.route === "direct-award" ? "Direct award" : "Open call"}</span>
      <h1 class="govuk-heading-l">${grant.title}</h1>
      <p class="govuk-body">${grantStatusTag(grant.status)}</p>
      ${formError(errors("action"))}
      ${grant.status === "proposed" && canApproveDirectAward(actor) ? actionButton(c, `${base}/approve`, "Approve direct award", "primary") : ""}
      ${summaryList([
        {
          key: "Recipient",
          value: `${grant.recipientName}${grant.charityNumber ? ` (charity ${grant.charityNumber})` : ""}${grant.companyNumber ? ` (company ${grant.companyNumber})` : ""}`,
        },
        { key: "Type", value: grant.grantType === "strategic" ? "Strategic" : "Innovation" },
        { key: "Amount awarded", value: formatPence(grant.amountAwardedPence) },
        { key: "Period", value: `${formatDate(grant.startDate)} to ${formatDate(grant.endDate)}` },
        { key: "Award date", value: grant.awardDate ? formatDate(grant.awardDate) : "Not yet approved" },
        ...(grant.route === "direct-award"
          ? [
              {
                key: "Direct award criterion",
                value: grant.directAwardCriterion ? directAwardCriteria[grant.directAwardCriterion] : "",
              },
              { key: "Justification", value: grant.directAwardJustification ?? "" },
            ]
          : []),
        { key: "Grant owner", value: grant.grantOwner },
        { key: "Accountable officer", value: grant.accountableOfficer },
        {
          key: "Outcomes",
          value: html`<ul class="govuk-list">${detail.outcomes.map((o) => html`<li>${outcomeLabel(o)}</li>`)}</ul>`,
        },
        { key: "Purpose", value: grant.description },
      ])}
      ${grantOutcomesSection(c, actor, detail, values, errors("project"))}
      <h2 class="govuk-heading-m">Grant agreement</h2>
      ${
        agreement
          ? summaryList([
              { key: "Conditions", value: agreement.conditions },
              {
                key: "Monitoring",
                value: {
                  quarterly: "Quarterly",
                  "six-monthly": "Every six months",
                  annual: "Annually",
                  "end-of-grant": "Once, at the end of the grant",
                }[agreement.monitoringFrequency],
              },
              { key: "Version", value: String(agreement.version) },
            ])
          : html`<p class="govuk-body">No agreement recorded.</p>`
      }
      ${
        agreement && grant.status !== "ended" && canManageGrant(actor)
          ? details({
              summary: "Vary the agreement's conditions",
              open: failed?.form === "vary",
              content: html`${formError(errors("vary"))}<form method="post" action="${base}/vary" novalidate>${csrfField(c)}
                ${textarea({ name: "variedConditions", label: "Conditions", value: values.variedConditions ?? agreement.conditions, error: errors("vary").variedConditions, rows: 4 })}
                ${textarea({ name: "variationReason", label: "Reason for the variation", value: values.variationReason, error: errors("vary").variationReason, rows: 2 })}
                ${button({ text: "Record variation", variant: "secondary" })}</form>`,
            })
          : ""
      }
      ${bankDetailsSection(c, actor, grant, failed?.form === "bank" ? failed : undefined)}
      ${paymentsSection(c, actor, grant, payments, today, failed?.form === "paid" ? failed : undefined)}
      <h2 class="govuk-heading-m">Monitoring returns</h2>
      ${table({
        caption: "Monitoring returns",
        captionClasses: "govuk-visually-hidden",
        head: [{ text: "Period" }, { text: "Due" }, { text: "Status" }, { text: "Results" }],
        rows: returns.map((r) => [
          r.periodLabel,
          formatDate(r.dueOn),
          r.status === "due" && r.dueOn < today
            ? html`<strong class="govuk-tag govuk-tag--red">Overdue</strong>`
            : r.status === "due"
              ? "Due"
              : "Received",
          r.results.map((x) => `${x.outcomeCode} ${x.measure}: ${x.achieved} of ${x.target}`).join("; "),
        ]),
      })}
      ${returnForm}
      ${changeForm}
      ${
        changes.length || variations.length || reminders.length
          ? html`<h2 class="govuk-heading-m">History</h2>${timeline([
              ...variations.map((v) => ({
                title: `Variation: ${v.kind}`,
                by: v.recordedBy,
                at: v.recordedAt,
                description: v.description,
              })),
              ...changes
                .filter((ch) => ch.overrideReason)
                .map((ch) => ({
                  title: "Notice rule overridden",
                  by: ch.recordedBy,
                  at: ch.recordedAt,
                  description: ch.overrideReason ?? "",
                })),
              ...reminders.map((r) => ({
                title: `Reminder: ${r.kind.replace(/-/g, " ")}`,
                at: r.raisedAt,
                description: r.message,
              })),
            ])}`
          : ""
      }`,
  });
}

function dateInputFor(
  name: string,
  legend: string,
  values: Record<string, string>,
  error: string | undefined,
): SafeHtml {
  return dateInput({
    name,
    legend: { text: legend, classes: "govuk-fieldset__legend--s" },
    hint: "For example, 1 10 2026",
    error,
    value: {
      day: values[`${name}-day`] ?? "",
      month: values[`${name}-month`] ?? "",
      year: values[`${name}-year`] ?? "",
    },
  });
}
