import type { Context } from "hono";
import type { Actor } from "../access/actor.ts";
import { html, type SafeHtml } from "../ui/index.ts";
import type { AppEnv } from "./app-env.ts";

// One view of a place across every module. Each module contributes its own section, built from its
// own queries with their policy checks, and returns nothing for people who may not see it; the
// places module draws the page. The sections are wired once at start (app.ts), like navigation,
// so places never imports the modules that depend on it.

/** A neighbourhood (2021 LSOA) or a local authority district. */
export type ProfilePlace = { level: "lsoa" | "lad"; code: string; name: string; laCode: string };

export type PlaceProfileSection = (c: Context<AppEnv>, place: ProfilePlace) => Promise<SafeHtml>;

/** A section shown only to people the module's policy lets see it; everyone else gets nothing. */
export function placeSection(
  allowed: (actor: Actor) => boolean,
  build: (c: Context<AppEnv>, actor: Actor, place: ProfilePlace) => Promise<SafeHtml>,
): PlaceProfileSection {
  return async (c, place) => {
    const actor = c.get("actor");
    return actor && allowed(actor) ? build(c, actor, place) : html``;
  };
}

let sections: PlaceProfileSection[] = [];

export function setPlaceProfileSections(list: PlaceProfileSection[]): void {
  sections = list;
}

export async function placeProfileSections(c: Context<AppEnv>, place: ProfilePlace): Promise<SafeHtml[]> {
  return Promise.all(sections.map((section) => section(c, place)));
}

/** Counts of 1 to 4 could point at a household, so profiles show them as "fewer than 5". */
export const suppressionThreshold = 5;

export function smallCount(count: number): string {
  return count > 0 && count < suppressionThreshold
    ? `fewer than ${suppressionThreshold}`
    : count.toLocaleString("en-GB");
}

/** A profile section: a heading, the figures and a link to the register they come from. */
export function profileSection(
  heading: string,
  body: SafeHtml,
  register?: { href: string; text: string },
): SafeHtml {
  return html`<section class="govuk-!-margin-bottom-8"><h2 class="govuk-heading-m">${heading}</h2>${body}${register ? html`<p class="govuk-body"><a class="govuk-link" href="${register.href}">${register.text}</a></p>` : ""}</section>`;
}
