// Links that move people around: skip link, back link, breadcrumbs, GOV.UK
// service navigation, MOJ primary and sub navigation.
import { attrs, html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

export type NavigationItem = { href: string; text: string; current?: boolean };

export function skipLink(href = "#main-content", text = "Skip to main content"): SafeHtml {
  return html`<a href="${href}" class="govuk-skip-link" data-module="govuk-skip-link">${text}</a>`;
}

export function backLink(href: string, text = "Back"): SafeHtml {
  return html`<a href="${href}" class="govuk-back-link">${text}</a>`;
}

/** The last item usually has no href: it is the current page. */
export function breadcrumbs(
  items: { text: string; href?: string }[],
  options: { collapseOnMobile?: boolean } = {},
): SafeHtml {
  return html`<nav class="${joinClasses("govuk-breadcrumbs", options.collapseOnMobile && "govuk-breadcrumbs--collapse-on-mobile")}" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">${items.map(
    (item) =>
      item.href
        ? html`<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="${item.href}">${item.text}</a></li>`
        : html`<li class="govuk-breadcrumbs__list-item" aria-current="page">${item.text}</li>`,
  )}</ol></nav>`;
}

export type ServiceNavigationOptions = {
  serviceName?: string;
  serviceUrl?: string;
  items: NavigationItem[];
  navigationLabel?: string;
  /** Extra markup after the navigation, e.g. the signed-in user and sign-out form. */
  end?: SafeHtml;
};

/** GOV.UK service navigation. The Menu toggle stays hidden until govuk-frontend's script shows it. */
export function serviceNavigation(options: ServiceNavigationOptions): SafeHtml {
  const items = options.items.map((item) => {
    const text = item.current
      ? html`<strong class="govuk-service-navigation__active-fallback">${item.text}</strong>`
      : item.text;
    return html`<li class="${joinClasses("govuk-service-navigation__item", item.current && "govuk-service-navigation__item--active")}"><a class="govuk-service-navigation__link" href="${item.href}"${attrs({ "aria-current": item.current ? "page" : undefined })}>${text}</a></li>`;
  });
  const label = options.navigationLabel ?? "Menu";
  const nav = options.items.length
    ? html`<nav aria-label="${label}" class="govuk-service-navigation__wrapper">${
        options.items.length > 1
          ? html`<button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>`
          : ""
      }<ul class="govuk-service-navigation__list" id="navigation">${items}</ul></nav>`
    : "";
  const name = options.serviceName
    ? html`<span class="govuk-service-navigation__service-name">${
        options.serviceUrl
          ? html`<a href="${options.serviceUrl}" class="govuk-service-navigation__link">${options.serviceName}</a>`
          : html`<span class="govuk-service-navigation__text">${options.serviceName}</span>`
      }</span>`
    : "";
  const inner = html`<div class="govuk-width-container"><div class="govuk-service-navigation__container">${name}${nav}</div>${options.end ?? ""}</div>`;
  return options.serviceName || options.end
    ? html`<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">${inner}</section>`
    : html`<div class="govuk-service-navigation" data-module="govuk-service-navigation">${inner}</div>`;
}

/** MOJ primary navigation, for a second level of case-work areas under the service navigation. */
export function primaryNavigation(items: NavigationItem[], label = "Primary navigation"): SafeHtml {
  return html`<div class="moj-primary-navigation"><div class="moj-primary-navigation__container"><div class="moj-primary-navigation__nav"><nav class="moj-primary-navigation" aria-label="${label}"><ul class="moj-primary-navigation__list">${items.map(
    (item) =>
      html`<li class="moj-primary-navigation__item"><a class="moj-primary-navigation__link"${attrs({ "aria-current": item.current ? "page" : undefined })} href="${item.href}">${item.text}</a></li>`,
  )}</ul></nav></div></div></div>`;
}

/** MOJ sub navigation: tabs-as-links between the views of one record (Summary, Actions, Documents). */
export function subNavigation(items: NavigationItem[], label = "Secondary navigation region"): SafeHtml {
  return html`<nav class="moj-sub-navigation" aria-label="${label}"><ul class="moj-sub-navigation__list">${items.map(
    (item) =>
      html`<li class="moj-sub-navigation__item"><a class="moj-sub-navigation__link"${attrs({ "aria-current": item.current ? "page" : undefined })} href="${item.href}">${item.text}</a></li>`,
  )}</ul></nav>`;
}
