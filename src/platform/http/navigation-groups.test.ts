import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import type { Actor } from "../access/actor.ts";
import { type NavigationLink, navigationOf } from "./navigation-groups.ts";

const staffOnly = (actor: Actor) => actor.kind === "user" && actor.role !== "tenant";
const links: NavigationLink[] = [
  { href: "/safety", text: "Community safety", visibleTo: staffOnly },
  { href: "/grants/manage", text: "Grants", group: "Funding", visibleTo: staffOnly },
  { href: "/grants/apply", text: "Apply for a grant", group: "Funding", visibleTo: () => true },
  { href: "/crowdfunding", text: "Crowdfunding", group: "Funding", visibleTo: staffOnly },
  {
    href: "/my-cases",
    text: "Your cases",
    visibleTo: (actor) => actor.kind === "user" && actor.role === "tenant",
  },
];
const officer = actorFor("00000000-0000-7000-8000-000000000001", "officer");
const tenant = actorFor("00000000-0000-7000-8000-000000000001", "tenant");

describe("grouped navigation", () => {
  it("shows one top-level entry per area, and the area's links as a second level on its pages", () => {
    const nav = navigationOf(links, officer, "/crowdfunding/campaigns/new");
    expect(nav.top).toEqual([
      { href: "/safety", text: "Community safety", current: false },
      { href: "/grants/manage", text: "Funding", current: true },
    ]);
    expect(nav.section.map((item) => [item.text, item.current])).toEqual([
      ["Grants", false],
      ["Apply for a grant", false],
      ["Crowdfunding", true],
    ]);
  });

  it("picks the longest matching link, so sibling paths are not confused", () => {
    const nav = navigationOf(links, officer, "/grants/apply/applications/1");
    expect(nav.section.find((item) => item.current)?.text).toBe("Apply for a grant");
  });

  it("shows an area with one visible link as that link, with no second level", () => {
    const nav = navigationOf(links, tenant, "/grants/apply");
    expect(nav.top).toEqual([
      { href: "/grants/apply", text: "Apply for a grant", current: true },
      { href: "/my-cases", text: "Your cases", current: false },
    ]);
    expect(nav.section).toEqual([]);
  });

  it("marks nothing current outside every area", () => {
    const nav = navigationOf(links, officer, "/account");
    expect(nav.top.some((item) => item.current)).toBe(false);
    expect(nav.section).toEqual([]);
  });
});
