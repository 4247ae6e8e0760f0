// The grant page's payments: the schedule, who authorised and paid each one with its
// bank reference, and the form that records a payment as paid.
import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import {
  button,
  details,
  formatDate,
  formatPence,
  html,
  type SafeHtml,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { canApprovePayment, canManageGrant } from "../policy.ts";
import type { GrantAward, GrantPayment } from "../schema.ts";
import { formError, paymentTag } from "./page-helpers.ts";

type PaidForm = { values: Record<string, string>; errors: FieldErrors } | undefined;

function approveButton(c: Context<AppEnv>, action: string, text: string): SafeHtml {
  return html`<form method="post" action="${action}" novalidate class="govuk-!-display-inline">${csrfField(c)}${button({ text, variant: "secondary", classes: "govuk-!-margin-bottom-0" })}</form>`;
}

function paidDetail(p: GrantPayment): SafeHtml {
  return html`Paid ${p.paidOn ? formatDate(p.paidOn) : ""}${p.paidBy ? ` by ${p.paidBy}` : ""}${p.paymentReference ? html`<br><span class="govuk-body-s">Reference ${p.paymentReference}</span>` : ""}${p.earlyPaymentReason ? html`<br><span class="govuk-body-s">Paid early: ${p.earlyPaymentReason}</span>` : ""}${p.approvedBy ? html`<br><span class="govuk-body-s">Authorised by ${p.approvedBy}</span>` : ""}`;
}

function paidForm(c: Context<AppEnv>, base: string, p: GrantPayment, today: string, failed: PaidForm) {
  const mine = failed?.values.paymentId === p.id ? failed : undefined;
  const errors = mine?.errors ?? {};
  const early = today < p.dueOn;
  return details({
    summary: `Record instalment ${p.instalment} as paid`,
    open: mine !== undefined,
    content: html`${formError(errors)}<form method="post" action="${base}/payments/${p.id}/paid" novalidate>${csrfField(c)}
      ${textInput({ name: "paymentReference", label: "Payment reference", hint: "The BACS or bank reference: up to 35 letters, numbers, spaces and / - .", value: mine?.values.paymentReference, error: errors.paymentReference, width: 20 })}
      ${textarea({ name: "earlyPaymentReason", label: early ? `Reason for paying before ${formatDate(p.dueOn)}` : "Reason for paying early (if it is)", hint: early ? "This instalment is not due yet. A manager must record why it is being paid early." : undefined, value: mine?.values.earlyPaymentReason, error: errors.earlyPaymentReason, rows: 2 })}
      ${button({ text: `Record instalment ${p.instalment} as paid`, variant: "secondary" })}</form>`,
  });
}

export function paymentsSection(
  c: Context<AppEnv>,
  actor: Actor,
  grant: GrantAward,
  payments: GrantPayment[],
  today: string,
  failed: PaidForm,
): SafeHtml {
  const base = `/grants/manage/grants/${grant.id}`;
  const payable = payments.filter((p) => p.status === "approved" && canManageGrant(actor));
  return html`<h2 class="govuk-heading-m">Payments</h2>
    ${table({
      caption: "Payment schedule",
      captionClasses: "govuk-visually-hidden",
      head: [
        { text: "Instalment" },
        { text: "Due" },
        { text: "Amount", numeric: true },
        { text: "Status" },
        { text: "Action" },
      ],
      rows: payments.map((p) => [
        String(p.instalment),
        formatDate(p.dueOn),
        { content: formatPence(p.amountPence), numeric: true },
        html`${paymentTag(p.status)}${p.heldReason ? html`<br><span class="govuk-body-s">${p.heldReason}</span>` : ""}`,
        grant.status === "active" &&
        (p.status === "scheduled" || p.status === "held") &&
        canApprovePayment(actor)
          ? approveButton(c, `${base}/payments/${p.id}/approve`, `Approve instalment ${p.instalment}`)
          : p.status === "approved"
            ? `Authorised by ${p.approvedBy ?? "a manager"}`
            : p.status === "paid"
              ? paidDetail(p)
              : "",
      ]),
    })}
    ${payable.map((p) => paidForm(c, base, p, today, failed))}
    <p class="govuk-body">Total scheduled: ${formatPence(payments.filter((p) => p.status !== "cancelled").reduce((sum, p) => sum + p.amountPence, 0))}</p>`;
}
