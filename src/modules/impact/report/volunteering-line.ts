import { formatNumber, formatPence } from "../../../platform/ui/index.ts";
import type { VerifiedVolunteering } from "../queries/verified-volunteering.ts";

/** One line for the dashboard and both report formats: the figures, then where they come from. */
export function volunteeringLine(v: VerifiedVolunteering): { figures: string; source: string } {
  const notes = [
    v.narrowedByProject
      ? "Only hours on volunteering roles that name one of these projects (by its name or id) count here."
      : "",
    v.yearsWithoutRate.length
      ? `No hourly rate for ${v.yearsWithoutRate.join(", ")}: those hours are counted but not valued.`
      : "",
  ].filter(Boolean);
  return {
    figures: `${formatNumber(v.volunteers)} volunteers, ${formatNumber(v.hours, 1)} verified hours, worth ${formatPence(v.valuePence)}`,
    source: [`Source: ${v.source}.`, ...notes].join(" "),
  };
}
