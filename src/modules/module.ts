import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import type { Actor, Role } from "../platform/access/actor.ts";
import type { Database } from "../platform/db/database.ts";
import type { AppEnv } from "../platform/http/app-env.ts";
import type { PlaceProfileSection } from "../platform/http/place-profile.ts";
import type { PublicLink, PublicOrganisation } from "../platform/http/static-pages.ts";
import type { JobDefinition } from "../platform/jobs/jobs.ts";
import type { SafeHtml } from "../platform/ui/index.ts";

export type NavigationItem = {
  href: string;
  text: string;
  /** The area of work (e.g. "Funding"): links that share one appear under a single top-level entry. */
  group?: string;
  /** Who sees the link. Policies still check every request; this only hides what would be refused. */
  visibleTo: (actor: Actor) => boolean;
};

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

export type CliContext = {
  /** Opens the same database as `npm start` (./data/pglite or DATABASE_URL). */
  openDatabase: () => Promise<Database>;
  io: CliIo;
  now: () => Date;
};

export type CliCommand = {
  /** Words after `kith`, e.g. ["import", "homes"] or ["safety", "nm01"]. */
  words: string[];
  usage: string;
  summary: string;
  run: (args: string[], context: CliContext) => Promise<number>;
};

export type SeedContext = {
  database: Database;
  organisationId: string;
  now: Date;
  /** A seeded random number generator in [0, 1): the demo is the same every time. */
  random: () => number;
  log: (message: string) => void;
  /** The demo users, for modules seeded after places and people (officers to assign, portal users …). */
  users: { id: string; email: string; name: string; role: Role }[];
};

/**
 * Everything a module plugs into the application. Modules talk to each other only
 * through their index.ts exports; this is how they talk to the application.
 */
export type KithModule = {
  name: string;
  navigation?: NavigationItem[];
  /** This module's public services for one organisation, for the start page. */
  publicLinks?: (organisation: PublicOrganisation) => PublicLink[];
  /** Figures for the signed-in home page (the board's headlines); empty for people who may not see them. */
  homePanel?: (c: Context<AppEnv>) => Promise<SafeHtml>;
  /** This module's part of a neighbourhood or district profile: counts only, empty for people who may not see them. */
  placeProfile?: PlaceProfileSection;
  /** Staff and public pages (server-rendered HTML). */
  pages?: Hono<AppEnv>;
  /** JSON routes, mounted under /api/v1 and described in /api/openapi.json. */
  api?: OpenAPIHono<AppEnv>;
  cli?: CliCommand[];
  jobs?: JobDefinition[];
  /** Adds this module's demo data; runs in registry order after the modules before it. */
  seed?: (context: SeedContext) => Promise<void>;
};
