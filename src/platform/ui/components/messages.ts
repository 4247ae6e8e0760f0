// Blocks that tell the user something: notification banner, panel, inset and
// warning text, details, phase banner.
import { attrs, html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";
import { tag } from "./tag.ts";

export type NotificationBannerOptions = {
  type?: "information" | "success";
  title?: string;
  /** A heading line, or SafeHtml content of your own. */
  content: string | SafeHtml;
  titleId?: string;
  headingLevel?: 2 | 3 | 4;
};

/**
 * Success banners use role="alert" so the result of an action is announced;
 * information banners are a labelled region.
 */
export function notificationBanner(options: NotificationBannerOptions): SafeHtml {
  const success = options.type === "success";
  const titleId = options.titleId ?? "govuk-notification-banner-title";
  const level = options.headingLevel ?? 2;
  const heading = html`<h${level} class="govuk-notification-banner__title" id="${titleId}">${options.title ?? (success ? "Success" : "Important")}</h${level}>`;
  const content =
    typeof options.content === "string"
      ? html`<p class="govuk-notification-banner__heading">${options.content}</p>`
      : options.content;
  return html`<div class="${joinClasses("govuk-notification-banner", success && "govuk-notification-banner--success")}" role="${success ? "alert" : "region"}" aria-labelledby="${titleId}" data-module="govuk-notification-banner"><div class="govuk-notification-banner__header">${heading}</div><div class="govuk-notification-banner__content">${content}</div></div>`;
}

/** Confirmation panel: the page's h1, e.g. "Application complete" with the reference. */
export function panel(options: { title: string; body?: string | SafeHtml; headingLevel?: 1 | 2 }): SafeHtml {
  const level = options.headingLevel ?? 1;
  return html`<div class="govuk-panel govuk-panel--confirmation"><h${level} class="govuk-panel__title">${options.title}</h${level}>${
    options.body ? html`<div class="govuk-panel__body">${options.body}</div>` : ""
  }</div>`;
}

export function insetText(content: string | SafeHtml): SafeHtml {
  return html`<div class="govuk-inset-text">${content}</div>`;
}

export function warningText(text: string, iconFallbackText = "Warning"): SafeHtml {
  return html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${iconFallbackText}</span>${text}</strong></div>`;
}

export function details(options: {
  summary: string;
  content: string | SafeHtml;
  open?: boolean;
  id?: string;
}): SafeHtml {
  return html`<details${attrs({ id: options.id, class: "govuk-details", open: options.open })}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${options.summary}</span></summary><div class="govuk-details__text">${options.content}</div></details>`;
}

export function phaseBanner(options: { phase: string; content: string | SafeHtml }): SafeHtml {
  return html`<div class="govuk-phase-banner govuk-width-container"><p class="govuk-phase-banner__content">${tag(options.phase, "blue", "govuk-phase-banner__content__tag")}<span class="govuk-phase-banner__text">${options.content}</span></p></div>`;
}
