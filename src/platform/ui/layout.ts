// The page every Kith screen sits in: GOV.UK template markup with the Kith
// header, service navigation, account area and footer. There are no inline
// scripts or styles, because the CSP is script-src 'self'; style-src 'self'.
// The one script, /assets/kith/init.js, adds the js-enabled class that the
// GOV.UK template would otherwise set with an inline script.

import { KITH_BRAND_COLOUR, logotypeSvg } from "./brand/kith-mark.ts";
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
import { html, raw, type SafeHtml } from "./html.ts";

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
  /** The organisation whose public or resident page this is; Kith's own brand when absent. */
  brand?: PageBrand;
};

export function pageTitle(title: string, hasErrors: boolean): string {
  return `${hasErrors ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
}

function account(user: SignedInUser, csrfToken: string): SafeHtml {
  // Sign-out is a POST form, not a link: a GET could be triggered by any page (CSRF).
  return html`<div class="kith-account"><p class="govuk-body-s kith-account__who"><span class="govuk-visually-hidden">Signed in as </span><strong>${user.name}</strong> <span class="kith-account__role">${user.role}</span>, ${user.organisationName}</p><a class="govuk-link kith-account__link" href="/account">Your account</a><form class="kith-account__sign-out" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit" class="govuk-link kith-link-button">Sign out</button></form></div>`;
}

/** An organisation's brand on the pages its residents see (from platform/brand's brandOf). */
export type PageBrand = {
  name: string;
  logoUrl: string | null;
  stylesheetUrl: string | null;
  contact: { email: string | null; phone: string | null; address: string | null; website: string | null };
};

// GOV.UK's font, crown and name are only for services on GOV.UK: an operator there turns
// them on with KITH_GOVUK_BRAND=true (set once at start, like the navigation).
let govukBrand = false;

export function useGovukBrand(on: boolean): void {
  govukBrand = on;
}

function header(brand: PageBrand | undefined): SafeHtml {
  if (govukBrand) {
    return html`<div class="govuk-generic-header"><div class="govuk-generic-header__container govuk-width-container"><div class="govuk-generic-header__logo"><a href="https://www.gov.uk/" class="govuk-generic-header__homepage-link">GOV.UK</a> <a href="/" class="govuk-generic-header__homepage-link">${SERVICE_NAME}</a></div></div></div>`;
  }
  // The generic header's place, drawn in Kith's brand (or the organisation's colour and logo).
  const mark = brand
    ? brand.logoUrl
      ? html`<img class="kith-header__organisation-logo" src="${brand.logoUrl}" alt="${brand.name}">`
      : html`<span class="kith-header__organisation-name">${brand.name}</span>`
    : html`${raw(logotypeSvg())}<span class="govuk-visually-hidden">${SERVICE_NAME}</span>`;
  return html`<div class="kith-header"><div class="govuk-width-container kith-header__container"><a href="/" class="kith-header__link">${mark}</a></div></div>`;
}

function contactDetails(brand: PageBrand): SafeHtml {
  const { email, phone, address, website } = brand.contact;
  if (!email && !phone && !address && !website) return html``;
  return html`<div class="kith-footer-contact"><h2 class="govuk-heading-m">Contact ${brand.name}</h2><ul class="govuk-footer__list">${[
    address ? html`<li class="govuk-footer__list-item kith-footer-contact__address">${address}</li>` : "",
    phone ? html`<li class="govuk-footer__list-item">Telephone: ${phone}</li>` : "",
    email
      ? html`<li class="govuk-footer__list-item"><a class="govuk-footer__link" href="mailto:${email}">${email}</a></li>`
      : "",
    website
      ? html`<li class="govuk-footer__list-item"><a class="govuk-footer__link" href="${website}">${website}</a></li>`
      : "",
  ]}</ul></div>`;
}

function footer(brand: PageBrand | undefined): SafeHtml {
  return html`<footer class="govuk-template__footer"><div class="govuk-footer"><div class="govuk-width-container">${brand ? contactDetails(brand) : ""}<div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow"><h2 class="govuk-visually-hidden">Support links</h2><ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy">Privacy notice</a></li></ul><span class="govuk-footer__licence-description">${brand ? `${brand.name} uses ` : ""}Kith, open-source software for community investment and safety.</span></div></div></div></div></footer>`;
}

/** The icons and stylesheets in the head: Kith's own, or GOV.UK's for a service on GOV.UK. */
function headLinks(brand: PageBrand | undefined): SafeHtml {
  const { govuk, moj, kith } = assetPaths;
  const images = `${govuk}/assets/images`;
  const head = govukBrand
    ? {
        themeColour: "#1d70b8",
        icons: [`${images}/favicon.ico`, `${images}/favicon.svg`, `${images}/govuk-icon-180.png`],
        manifest: `${govuk}/assets/manifest.json`,
        stylesheets: [`${govuk}/govuk-frontend.min.css`, `${moj}/moj-frontend.min.css`, `${kith}/kith.css`],
      }
    : {
        themeColour: KITH_BRAND_COLOUR,
        icons: [`${kith}/icons/favicon.ico`, `${kith}/icons/favicon.svg`, `${kith}/icons/icon-180.png`],
        manifest: `${kith}/icons/manifest.json`,
        stylesheets: [`${kith}/kith-frontend.css`, `${kith}/kith.css`, brand?.stylesheetUrl],
      };
  const [ico, svg, touch] = head.icons;
  return html`<meta name="theme-color" content="${head.themeColour}">
<link rel="icon" sizes="48x48" href="${ico}">
<link rel="icon" sizes="any" href="${svg}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${touch}">
<link rel="manifest" href="${head.manifest}">
${head.stylesheets.filter((href) => href).map((href) => html`<link rel="stylesheet" href="${href}">`)}`;
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
  const { kith } = assetPaths;
  return html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${pageTitle(options.title, errors.length > 0)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
${headLinks(options.brand)}
</head>
<body class="govuk-template__body">
${skipLink()}
<header class="govuk-template__header">${header(options.brand)}${serviceNavigation({
    items: options.navigation,
    navigationLabel: "Menu",
    end: options.user && options.csrfToken ? account(options.user, options.csrfToken) : undefined,
  })}</header>
<div class="govuk-width-container">${beforeContent}
<main class="govuk-main-wrapper" id="main-content">
${body}
</main>
</div>
${footer(options.brand)}
<script type="module" src="${kith}/init.js"></script>
</body>
</html>`;
}
