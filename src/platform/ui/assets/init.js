// Progressive enhancement only: every page works without this file.
// It replaces the GOV.UK Frontend template's inline script (which our CSP forbids) and
// then starts the govuk-frontend and MOJ components. Both packages ship their
// minified bundles as ES modules with named exports, so they import directly.
import { initAll as initGovukFrontend } from "/assets/govuk/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "/assets/moj/moj-frontend.min.js";

// Loading as a module already means the browser supports what govuk-frontend needs.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initGovukFrontend();
initMojFrontend();

// Search-as-you-type registers load their script only where a page asks for it.
if (document.querySelector("form[data-kith-live-search]")) import("/assets/kith/live-search.js");
