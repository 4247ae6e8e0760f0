import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const moj = join(root, "node_modules/@ministryofjustice/frontend/moj");

/**
 * URL prefix → folders to try in order. Both compiled stylesheets use root-absolute
 * /assets/fonts and /assets/images URLs, and MOJ's icons live beside GOV.UK's images.
 */
export const assetMounts: [string, string[]][] = [
  ["/assets/govuk/", [govuk]],
  ["/assets/moj/", [moj]],
  ["/assets/kith/", [join(import.meta.dirname, "assets")]],
  ["/assets/fonts/", [join(govuk, "assets/fonts")]],
  ["/assets/images/", [join(govuk, "assets/images"), join(moj, "assets/images")]],
];
