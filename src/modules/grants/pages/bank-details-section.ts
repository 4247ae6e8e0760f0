// The grant page's recipient bank details: shown masked, changed by managers.
import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import {
  button,
  details,
  formatDate,
  html,
  type SafeHtml,
  summaryList,
  textInput,
} from "../../../platform/ui/index.ts";
import { maskedBankDetails } from "../commands/bank-details.ts";
import { canApprovePayment } from "../policy.ts";
import type { GrantAward } from "../schema.ts";
import { formError } from "./page-helpers.ts";

type BankForm = { values: Record<string, string>; errors: FieldErrors } | undefined;

export function bankDetailsSection(
  c: Context<AppEnv>,
  actor: Actor,
  grant: GrantAward,
  failed: BankForm,
): SafeHtml {
  const masked = maskedBankDetails(grant, c.get("services").signingSecret);
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {};
  return html`<h2 class="govuk-heading-m">Recipient bank details</h2>
    ${
      masked
        ? summaryList([
            { key: "Account name", value: masked.accountName },
            { key: "Sort code", value: masked.sortCode },
            { key: "Account number", value: masked.accountNumber },
            { key: "Last changed", value: masked.updatedAt ? formatDate(londonDay(masked.updatedAt)) : "" },
          ])
        : html`<p class="govuk-body">No bank details recorded.</p>`
    }
    ${
      canApprovePayment(actor) && grant.status !== "ended"
        ? details({
            summary: masked ? "Change the bank details" : "Record the bank details",
            open: failed !== undefined,
            content: html`${formError(errors)}<form method="post" action="/grants/manage/grants/${grant.id}/bank-details" novalidate autocomplete="off">${csrfField(c)}
              ${textInput({ name: "accountName", label: "Name on the account", value: values.accountName, error: errors.accountName })}
              ${textInput({ name: "sortCode", label: "Sort code", hint: "6 digits, like 12-34-56", value: values.sortCode, error: errors.sortCode, width: 5, inputmode: "numeric" })}
              ${textInput({ name: "accountNumber", label: "Account number", hint: "8 digits", value: values.accountNumber, error: errors.accountNumber, width: 10, inputmode: "numeric" })}
              ${button({ text: "Save bank details", variant: "secondary" })}</form>`,
          })
        : ""
    }`;
}
