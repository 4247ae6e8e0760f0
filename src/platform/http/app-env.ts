import type { Actor } from "../access/actor.ts";
import type { Limit, LimitName } from "../auth/rate-limit.ts";
import type { OrganisationBrand } from "../brand/brand-of.ts";
import type { KithConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import type { Logger } from "../observability/logger.ts";
import type { WorkerHeartbeats } from "../observability/readiness.ts";

/** What every request can reach: built once at start, shared by all requests. */
export type Services = {
  database: Database;
  config: KithConfig;
  signingSecret: string;
  /** Moments come from the application, not now() in SQL; tests pass a fixed clock. */
  clock: () => Date;
  /** The process logger; when absent createApp makes one at config.logLevel. */
  logger?: Logger;
  /** Heartbeats /health/ready checks; the process-wide registry when absent. */
  workers?: WorkerHeartbeats;
  /**
   * The client address for requests that have no socket (`app.request()` in tests).
   * Unset in a real server, where every request has a socket; see http/client-address.ts.
   */
  addressWithoutSocket?: string;
  /** Overrides of the abuse limits (tests and benchmarks that send many requests under a fixed clock). */
  limits?: Partial<Record<LimitName, Limit>>;
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
    /** This request's reference: on every log line, in X-Request-Id and on the error page. */
    requestId: string;
    /** The process logger with this request's id on every line. */
    log: Logger;
    /** The organisation whose brand the page is drawn in (public and resident pages). */
    brand: OrganisationBrand | undefined;
  };
};
