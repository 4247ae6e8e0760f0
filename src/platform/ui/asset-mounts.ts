import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const moj = join(root, "node_modules/@ministryofjustice/frontend/moj");
const kith = join(import.meta.dirname, "assets");

/** URL prefix → folders to try in order, and (optionally) the only file names served from them. */
export type AssetMount = [prefix: string, folders: string[], allow?: RegExp];

/**
 * Kith's own brand serves only the packages' scripts and MOJ's icons: GOV.UK's fonts, crown,
 * crest, favicons and manifest are for services on GOV.UK, and are served only when an
 * operator on GOV.UK sets KITH_GOVUK_BRAND=true. Both packages' compiled stylesheets use
 * root-absolute /assets/fonts and /assets/images URLs.
 */
export function assetMountsFor(govukBrand: boolean): AssetMount[] {
  if (govukBrand) {
    return [
      ["/assets/govuk/", [govuk]],
      ["/assets/moj/", [moj]],
      ["/assets/kith/", [kith]],
      ["/assets/fonts/", [join(govuk, "assets/fonts")]],
      ["/assets/images/", [join(govuk, "assets/images"), join(moj, "assets/images")]],
    ];
  }
  return [
    ["/assets/govuk/", [govuk], /^govuk-frontend\.min\.js(\.map)?$/],
    ["/assets/moj/", [moj], /^moj-frontend\.min\.js(\.map)?$/],
    ["/assets/kith/", [kith]],
    ["/assets/images/", [join(moj, "assets/images")], /^icon-[\w-]+\.svg$/],
  ];
}

export const assetMounts: AssetMount[] = assetMountsFor(false);
