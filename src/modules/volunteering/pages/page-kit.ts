import type { Actor } from "../../../platform/access/actor.ts";
import { type SafeHtml, subNavigation } from "../../../platform/ui/index.ts";
import { canCoordinate } from "../policy.ts";

const sections = [
  { href: "/volunteering", text: "Dashboard", coordinatorOnly: false },
  { href: "/volunteering/roles", text: "Roles", coordinatorOnly: false },
  { href: "/volunteering/applications", text: "Applications", coordinatorOnly: true },
  { href: "/volunteering/volunteers", text: "Volunteers", coordinatorOnly: true },
  { href: "/volunteering/hours", text: "Hours to verify", coordinatorOnly: true },
  { href: "/volunteering/at-risk", text: "At risk", coordinatorOnly: true },
  { href: "/volunteering/reports", text: "Reports", coordinatorOnly: false },
  { href: "/volunteering/rates", text: "Value of an hour", coordinatorOnly: false },
  { href: "/volunteering/templates", text: "Certificates", coordinatorOnly: false },
];

/** The volunteering area's tabs; coordinators see the case-work tabs too. */
export function volunteeringTabs(actor: Actor, current: string): SafeHtml {
  return subNavigation(
    sections
      .filter((section) => !section.coordinatorOnly || canCoordinate(actor))
      .map((section) => ({ href: section.href, text: section.text, current: section.href === current })),
    "Volunteering",
  );
}

export function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return `${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(hours)} ${hours === 1 ? "hour" : "hours"}`;
}

/** The UK financial year (April to March) holding a date, as [from, to]. */
export function financialYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= "04-01" ? year : year - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}
