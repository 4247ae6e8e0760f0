import type { Actor } from "../access/actor.ts";

// The service navigation has one entry per area of work, not one per module: with a dozen modules a flat
// list wraps onto three lines and hides the page's own content on a phone. Modules that belong together
// (grants, crowdfunding, the exchange and budgeting are all "Funding") name the same group; the group is one
// top-level entry, and its modules appear as a second level on the group's pages.

export type NavigationLink = {
  href: string;
  text: string;
  /** The area of work this link sits in; links with the same group share one top-level entry. */
  group?: string;
  visibleTo: (actor: Actor) => boolean;
};

export type NavigationEntry = { href: string; text: string; current: boolean };

export type Navigation = {
  /** Top level: one entry per group (or per link without a group). */
  top: NavigationEntry[];
  /** The current group's links, when it has more than one the actor may open. */
  section: NavigationEntry[];
};

/** The link a path belongs to: the longest href that is the path or a folder above it. */
function currentHref(links: NavigationLink[], path: string): string | undefined {
  let best: string | undefined;
  for (const { href } of links) {
    const matches = path === href || path.startsWith(`${href}/`);
    if (matches && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}

type Area = { name: string; links: NavigationLink[] };

/** The actor's links, gathered into areas in the order they were registered. */
export function areasFor(links: NavigationLink[], actor: Actor): Area[] {
  const areas: Area[] = [];
  for (const link of links) {
    if (!link.visibleTo(actor)) continue;
    const name = link.group ?? link.text;
    const area = link.group ? areas.find((a) => a.name === name) : undefined;
    if (area) area.links.push(link);
    else areas.push({ name, links: [link] });
  }
  return areas;
}

export function navigationOf(links: NavigationLink[], actor: Actor, path: string): Navigation {
  const areas = areasFor(links, actor);
  const current = currentHref(
    areas.flatMap((area) => area.links),
    path,
  );
  const top = areas.map((area) => {
    const only = area.links.length === 1 ? area.links[0] : undefined;
    return {
      href: (only ?? area.links[0]).href,
      text: only ? only.text : area.name,
      current: area.links.some((link) => link.href === current),
    };
  });
  const currentArea = areas.find(
    (area) => area.links.length > 1 && area.links.some((link) => link.href === current),
  );
  const section = (currentArea?.links ?? []).map((link) => ({
    href: link.href,
    text: link.text,
    current: link.href === current,
  }));
  return { top, section };
}
