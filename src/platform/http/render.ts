import type { Context } from "hono";
import type { Actor } from "../access/actor.ts";
import type { NotificationBannerOptions } from "../ui/components/messages.ts";
import type { SafeHtml } from "../ui/html.ts";
import { layout } from "../ui/layout.ts";
import type { AppEnv } from "./app-env.ts";
import { areasFor, type NavigationLink, navigationOf } from "./navigation-groups.ts";
import type { FieldErrors } from "./problem.ts";
import { unauthenticated } from "./problem.ts";

let navigationLinks: NavigationLink[] = [];

/** Set once at start from the registered modules. */
export function setNavigation(links: NavigationLink[]): void {
  navigationLinks = links;
}

/** The areas of work an actor may open, with their links, for the home page. */
export function areasOfWorkFor(actor: Actor): { name: string; links: { href: string; text: string }[] }[] {
  return areasFor(navigationLinks, actor).map((area) => ({
    name: area.name,
    links: area.links.map(({ href, text }) => ({ href, text })),
  }));
}

export type PageOptions = {
  title: string;
  content: SafeHtml;
  /** Field errors shown in the GOV.UK error summary, each linking to its field. */
  errors?: FieldErrors;
  breadcrumbs?: { href: string; text: string }[];
  backLink?: string;
  fullWidth?: boolean;
  notification?: NotificationBannerOptions;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
};

export function errorSummaryItems(errors: FieldErrors | undefined): { text: string; href: string }[] {
  return Object.entries(errors ?? {}).map(([field, text]) => ({
    text,
    href: `#${field.replaceAll(".", "-")}`,
  }));
}

export function renderPage(c: Context<AppEnv>, options: PageOptions): Response {
  const actor = c.get("actor");
  const path = c.req.path;
  const navigation = actor ? navigationOf(navigationLinks, actor, path) : { top: [], section: [] };
  const page = layout({
    title: options.title,
    user:
      actor && actor.kind === "user"
        ? { name: actor.name, organisationName: c.get("organisationName") ?? "", role: actor.role }
        : undefined,
    navigation: navigation.top,
    sectionNavigation: navigation.section,
    csrfToken: c.get("csrfToken"),
    content: options.content,
    breadcrumbs: options.breadcrumbs,
    backLink: options.backLink ? { href: options.backLink } : undefined,
    errorSummary: errorSummaryItems(options.errors),
    fullWidth: options.fullWidth,
    notification: options.notification,
    brand: c.get("brand"),
  });
  return c.html(page.toString(), options.status ?? 200);
}

/** The signed-in actor, or a 401 problem (pages turn it into a redirect to sign in). */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  return actor;
}

/**
 * The success banner after POST-redirect-GET. The query string carries only a key
 * (?done=created) and the page owns the words, so a crafted link cannot put its own text on our page.
 */
export function flashFrom(c: Context<AppEnv>, messages: Record<string, string>): PageOptions["notification"] {
  const key = c.req.query("done");
  const text = key ? messages[key] : undefined;
  return text ? { type: "success", content: text } : undefined;
}
