import type { Actor } from "../access/actor.ts";
import type { OrganisationBrand } from "../brand/brand-of.ts";
import type { KithConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";

/** What every request can reach: built once at start, shared by all requests. */
export type Services = {
  database: Database;
  config: KithConfig;
  signingSecret: string;
  /** Moments come from the application, not now() in SQL; tests pass a fixed clock. */
  clock: () => Date;
};

export type AppEnv = {
  Variables: {
    services: Services;
    actor: Actor | null;
    /** The token to put in every form's hidden _csrf field. */
    csrfToken: string;
    now: Date;
    /** True when the request was authenticated by an API bearer token (no cookies, no CSRF). */
    viaApiToken: boolean;
    /** Name of the signed-in user's organisation, for the header. */
    organisationName: string | undefined;
    /** The organisation whose brand the page is drawn in (public and resident pages). */
    brand: OrganisationBrand | undefined;
  };
};
