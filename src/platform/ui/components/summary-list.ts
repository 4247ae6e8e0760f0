import { html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

export type SummaryListAction = {
  href: string;
  text: string;
  /** Completes the link for screen readers: "Change" + " date of birth". */
  visuallyHiddenText?: string;
};

export type SummaryListRow = {
  key: string;
  /** Text, or SafeHtml for lists, tags or links. */
  value: string | SafeHtml;
  actions?: SummaryListAction[];
};

function actionLink(action: SummaryListAction): SafeHtml {
  return html`<a class="govuk-link" href="${action.href}">${action.text}${
    action.visuallyHiddenText
      ? html`<span class="govuk-visually-hidden"> ${action.visuallyHiddenText}</span>`
      : ""
  }</a>`;
}

export function summaryList(
  rows: SummaryListRow[],
  options: { noBorder?: boolean; classes?: string } = {},
): SafeHtml {
  const anyActions = rows.some((row) => row.actions?.length);
  return html`<dl class="${joinClasses("govuk-summary-list", options.noBorder && "govuk-summary-list--no-border", options.classes)}">${rows.map(
    (row) => {
      const actions = row.actions ?? [];
      let actionsHtml: SafeHtml | string = "";
      if (actions.length === 1)
        actionsHtml = html`<dd class="govuk-summary-list__actions">${actionLink(actions[0])}</dd>`;
      if (actions.length > 1) {
        actionsHtml = html`<dd class="govuk-summary-list__actions"><ul class="govuk-summary-list__actions-list">${actions.map(
          (action) => html`<li class="govuk-summary-list__actions-list-item">${actionLink(action)}</li>`,
        )}</ul></dd>`;
      }
      // Rows without actions in a list that has some get the --no-actions modifier so the columns line up.
      return html`<div class="${joinClasses("govuk-summary-list__row", anyActions && actions.length === 0 && "govuk-summary-list__row--no-actions")}"><dt class="govuk-summary-list__key">${row.key}</dt><dd class="govuk-summary-list__value">${row.value}</dd>${actionsHtml}</div>`;
    },
  )}</dl>`;
}
