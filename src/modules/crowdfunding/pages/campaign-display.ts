import {
  formatNumber,
  formatPence,
  html,
  progressBar,
  type SafeHtml,
  summaryList,
  type TagColour,
  tag,
} from "../../../platform/ui/index.ts";
import { daysLeft } from "../rules.ts";
import type { Campaign, CampaignStatus } from "../schema.ts";

// Pieces of campaign display shared by the public and the staff pages.

export const statusNames: Record<CampaignStatus, string> = {
  draft: "Draft",
  "in-review": "In review",
  live: "Live",
  successful: "Successful",
  unsuccessful: "Unsuccessful",
  delivered: "Delivered",
};

const statusColours: Record<CampaignStatus, TagColour> = {
  draft: "grey",
  "in-review": "yellow",
  live: "blue",
  successful: "green",
  unsuccessful: "red",
  delivered: "purple",
};

export function statusTag(status: CampaignStatus): SafeHtml {
  return tag(statusNames[status], statusColours[status]);
}

export function raisedPence(campaign: Campaign): number {
  return campaign.backerPence + campaign.matchPence;
}

/** Progress bar, backers and days left: the three numbers backers look for. */
export function campaignProgress(campaign: Campaign, now: Date): SafeHtml {
  const left = campaign.closesAt ? daysLeft(campaign.closesAt, now) : null;
  return html`${progressBar({
    id: `progress-${campaign.reference}`,
    label: `Raised for ${campaign.title}`,
    value: raisedPence(campaign),
    target: campaign.targetPence,
    formatValue: formatPence,
  })}
  ${summaryList(
    [
      { key: "Backers", value: formatNumber(campaign.backerCount) },
      campaign.status === "live"
        ? { key: "Days left", value: left === 0 ? "Closing today" : formatNumber(left ?? 0) }
        : { key: "Status", value: statusNames[campaign.status] },
      {
        key: "Funding",
        value:
          campaign.fundingModel === "all-or-nothing"
            ? "All or nothing: pledges are only collected if the target is met"
            : "Keep what you raise",
      },
    ],
    { noBorder: true },
  )}`;
}
