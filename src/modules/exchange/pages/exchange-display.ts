import { html, type SafeHtml, type TagColour, tag } from "../../../platform/ui/index.ts";
import type { NeedStatus, PledgeStatus } from "../schema.ts";

export const needStatusNames: Record<NeedStatus, string> = {
  submitted: "Waiting for moderation",
  open: "Open",
  rejected: "Rejected",
  met: "Met",
  closed: "Closed",
};
const needColours: Record<NeedStatus, TagColour> = {
  submitted: "yellow",
  open: "blue",
  rejected: "red",
  met: "green",
  closed: "grey",
};
export const pledgeStatusNames: Record<PledgeStatus, string> = {
  offered: "Offered",
  accepted: "Accepted",
  "not-awarded": "Not awarded",
  delivered: "Delivered",
  verified: "Verified",
};
const pledgeColours: Record<PledgeStatus, TagColour> = {
  offered: "grey",
  accepted: "blue",
  "not-awarded": "red",
  delivered: "turquoise",
  verified: "green",
};

export function needTag(status: NeedStatus): SafeHtml {
  return tag(needStatusNames[status], needColours[status]);
}

export function pledgeTag(status: PledgeStatus): SafeHtml {
  return tag(pledgeStatusNames[status], pledgeColours[status]);
}

export const csrfField = (token: string): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${token}">`;

/** Local authority areas a need can be in (the demo landlord works across Kent and Medway). */
export const areas: Record<string, string> = {
  E07000105: "Ashford",
  E07000106: "Canterbury",
  E07000107: "Dartford",
  E07000108: "Dover",
  E07000109: "Gravesham",
  E07000110: "Maidstone",
  E07000111: "Sevenoaks",
  E07000112: "Folkestone and Hythe",
  E07000113: "Swale",
  E07000114: "Thanet",
  E07000115: "Tonbridge and Malling",
  E07000116: "Tunbridge Wells",
  E06000035: "Medway",
};
