// The page every Kith screen sits in: GOV.UK template markup with the Kith
// header, service navigation, account area and footer. There are no inline
// scripts or styles, because the CSP is script-src 'self'; style-src 'self'.
// The one script, /assets/kith/init.js, adds the js-enabled class that the
// GOV.UK template would otherwise set with an inline script.

import { type ErrorSummaryItem, errorSummary } from "./components/error-summary.ts";
import { type NotificationBannerOptions, notificationBanner } from "./components/messages.ts";
import {
  backLink as backLinkComponent,
  breadcrumbs as breadcrumbsComponent,
  type NavigationItem,
  primaryNavigation,
  serviceNavigation,
  skipLink,
} from "./components/navigation.ts";
import { html, type SafeHtml } from "./html.ts";

export const SERVICE_NAME = "Kith";

/** Where the server mounts the packages' files (see the UI README in the lead's report). */
export const assetPaths = {
  govuk: "/assets/govuk",
  moj: "/assets/moj",
  kith: "/assets/kith",
} as const;

export type SignedInUser = { name: string; organisationName: string; role: string };

export type LayoutOptions = {
  /** The page's own title, usually the same words as its h1. */
  title: string;
  user?: SignedInUser;
  navigation: NavigationItem[];
  /** The second level: the links of the current area of work (e.g. Grants, Crowdfunding under Funding). */
  sectionNavigation?: NavigationItem[];
  /** Required when `user` is given: the sign-out form posts it. */
  csrfToken?: string;
  content: SafeHtml;
  breadcrumbs?: { text: string; href?: string }[];
  backLink?: { href: string; text?: string };
  /** Errors for the whole page; when any are present the title starts "Error: ". */
  errorSummary?: ErrorSummaryItem[];
  /** Content spans the full width instead of the two-thirds reading column. */
  fullWidth?: boolean;
  notification?: NotificationBannerOptions;
};

export function pageTitle(title: string, hasErrors: boolean): string {
  return `${hasErrors ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
}

function account(user: SignedInUser, csrfToken: string): SafeHtml {
  // Sign-out is a POST form, not a link: a GET could be triggered by any page (CSRF).
  return html`<div class="kith-account"><p class="govuk-body-s kith-account__who"><span class="govuk-visually-hidden">Signed in as </span><strong>${user.name}</strong> <span class="kith-account__role">${user.role}</span>, ${user.organisationName}</p><a class="govuk-link kith-account__link" href="/account">Your account</a><form class="kith-account__sign-out" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit" class="govuk-link kith-link-button">Sign out</button></form></div>`;
}

function header(): SafeHtml {
  // The generic header, not govukHeader: the GOV.UK logotype is only for services on GOV.UK.
  return html`<div class="govuk-generic-header"><div class="govuk-generic-header__container govuk-width-container"><div class="govuk-generic-header__logo"><a href="/" class="govuk-generic-header__homepage-link">${SERVICE_NAME}</a></div></div></div>`;
}

function footer(): SafeHtml {
  return html`<footer class="govuk-template__footer"><div class="govuk-footer"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow"><h2 class="govuk-visually-hidden">Support links</h2><ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy">Privacy notice</a></li></ul><svg aria-hidden="true" focusable="false" class="govuk-footer__licence-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 483.2 195.7" height="17" width="41"><path fill="currentColor" d="M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145"/></svg><span class="govuk-footer__licence-description">Contains public sector information licensed under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>.</span></div></div></div></div></footer>`;
}

export function layout(options: LayoutOptions): SafeHtml {
  if (options.user && !options.csrfToken)
    throw new Error("layout: csrfToken is required when a user is signed in (the sign-out form posts it)");
  const errors = options.errorSummary ?? [];
  const top = html`${errorSummary(errors)}${options.notification ? notificationBanner(options.notification) : ""}`;
  const body = options.fullWidth
    ? html`${top}${options.content}`
    : html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${top}${options.content}</div></div>`;
  const section = options.sectionNavigation?.length
    ? primaryNavigation(options.sectionNavigation, "In this area")
    : "";
  const beforeContent = html`${section}${options.breadcrumbs ? breadcrumbsComponent(options.breadcrumbs) : ""}${
    options.backLink ? backLinkComponent(options.backLink.href, options.backLink.text) : ""
  }`;
  const { govuk, moj, kith } = assetPaths;
  return html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${pageTitle(options.title, errors.length > 0)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1d70b8">
<link rel="icon" sizes="48x48" href="${govuk}/assets/images/favicon.ico">
<link rel="icon" sizes="any" href="${govuk}/assets/images/favicon.svg" type="image/svg+xml">
<link rel="mask-icon" href="${govuk}/assets/images/govuk-icon-mask.svg" color="#1d70b8">
<link rel="apple-touch-icon" href="${govuk}/assets/images/govuk-icon-180.png">
<link rel="manifest" href="${govuk}/assets/manifest.json">
<link rel="stylesheet" href="${govuk}/govuk-frontend.min.css">
<link rel="stylesheet" href="${moj}/moj-frontend.min.css">
<link rel="stylesheet" href="${kith}/kith.css">
</head>
<body class="govuk-template__body">
${skipLink()}
<header class="govuk-template__header">${header()}${serviceNavigation({
    items: options.navigation,
    navigationLabel: "Menu",
    end: options.user && options.csrfToken ? account(options.user, options.csrfToken) : undefined,
  })}</header>
<div class="govuk-width-container">${beforeContent}
<main class="govuk-main-wrapper" id="main-content">
${body}
</main>
</div>
${footer()}
<script type="module" src="${kith}/init.js"></script>
</body>
</html>`;
}
