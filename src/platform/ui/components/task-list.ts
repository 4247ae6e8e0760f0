import { html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

export type TaskListItem = {
  title: string;
  /** Absent when the task cannot be started yet. */
  href?: string;
  hint?: string;
  /** A status tag (e.g. "Incomplete") or plain text such as "Completed" or "Cannot start yet". */
  status: string | SafeHtml;
};

export function taskList(items: TaskListItem[], idPrefix = "task-list"): SafeHtml {
  return html`<ul class="govuk-task-list">${items.map((item, index) => {
    const hintId = `${idPrefix}-${index + 1}-hint`;
    const statusId = `${idPrefix}-${index + 1}-status`;
    const title = item.href
      ? html`<a class="govuk-link govuk-task-list__link" href="${item.href}" aria-describedby="${item.hint ? `${hintId} ` : ""}${statusId}">${item.title}</a>`
      : html`<div>${item.title}</div>`;
    // Plain-text statuses that are not links are shown in secondary text colour, as GOV.UK does for "Cannot start yet".
    const statusClasses = joinClasses(
      "govuk-task-list__status",
      !item.href && typeof item.status === "string" && "govuk-task-list__status--cannot-start-yet",
    );
    return html`<li class="${joinClasses("govuk-task-list__item", item.href && "govuk-task-list__item--with-link")}"><div class="govuk-task-list__name-and-hint">${title}${
      item.hint ? html`<div id="${hintId}" class="govuk-task-list__hint">${item.hint}</div>` : ""
    }</div><div class="${statusClasses}" id="${statusId}">${item.status}</div></li>`;
  })}</ul>`;
}
