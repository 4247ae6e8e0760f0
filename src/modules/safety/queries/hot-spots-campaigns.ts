import { asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { addDays, daysBetween } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { per1000Homes } from "../domain/nm01-rules.ts";
import { areasOfHomes } from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import {
  type HotSpotCampaignType,
  type SafetyHotSpotCampaign,
  safetyHotSpotCampaign,
} from "../schema/hot-spot-campaign.ts";
import { asbCategoryCodes, countByArea, placedReports, previousPeriod, rateChange } from "./hot-spots.ts";
import { areaOfReport, relevantHomesInArea } from "./hot-spots-areas.ts";

// Hot-spot campaigns and their before-and-after figures. The rule, with its sources, is in
// docs/figures/asb-hot-spots.md ("Campaigns: before and after"); keep the two in step.

/** Under four weeks after the start, the "after" figure is too short a run to read anything into. */
export const minDaysAfter = 28;

export const campaignTypeNames: Record<HotSpotCampaignType, string> = {
  cctv: "CCTV",
  "waste-amnesty": "Waste amnesty",
  "good-neighbour": "Good-neighbour campaign",
  other: "Other campaign",
};

export type CampaignStatus = "planned" | "running" | "ended";

export type HotSpotCampaignRow = SafetyHotSpotCampaign & { status: CampaignStatus };

export type PeriodFigure = { from: string; to: string; reports: number; per1000Homes: number | null };

export type BeforeAndAfter = {
  /** Relevant homes in the area on the start day: the same denominator before and after. */
  homes: number;
  before: PeriodFigure;
  after: PeriodFigure;
  /** Days in each period (the after period runs to the end date, or to today while running). */
  days: number;
  reportChange: number;
  /** Rate after minus rate before, per 1,000 homes; null without homes. */
  rateChange: number | null;
  tooEarly: boolean;
};

export function campaignStatus(
  campaign: { startedOn: string; endedOn: string | null },
  today: string,
): CampaignStatus {
  if (campaign.startedOn > today) return "planned";
  return campaign.endedOn !== null && campaign.endedOn < today ? "ended" : "running";
}

/**
 * The "after" period runs from the start to the end date, or to today while the campaign runs; the
 * "before" period has the same number of days and ends the day before the start. Null until it starts.
 */
export function campaignPeriods(
  campaign: { startedOn: string; endedOn: string | null },
  today: string,
): { before: { from: string; to: string }; after: { from: string; to: string } } | null {
  if (campaign.startedOn > today) return null;
  const to = campaign.endedOn !== null && campaign.endedOn < today ? campaign.endedOn : today;
  const after = { from: campaign.startedOn, to };
  return { before: previousPeriod(after.from, after.to), after };
}

export async function listHotSpotCampaigns(
  db: Db,
  actor: Actor,
  today: string,
): Promise<HotSpotCampaignRow[]> {
  requireAllowed(canViewReports(actor), "Only staff can see hot-spot campaigns.");
  const rows = await db
    .select()
    .from(safetyHotSpotCampaign)
    .where(eq(safetyHotSpotCampaign.organisationId, actor.organisationId))
    .orderBy(desc(safetyHotSpotCampaign.startedOn), asc(safetyHotSpotCampaign.areaName));
  return rows.map((row) => ({ ...row, status: campaignStatus(row, today) }));
}

/** One campaign with its before-and-after figures (null while it is planned). */
export async function hotSpotCampaign(
  db: Db,
  actor: Actor,
  id: string,
  today: string,
): Promise<{ campaign: HotSpotCampaignRow; figures: BeforeAndAfter | null }> {
  requireAllowed(canViewReports(actor), "Only staff can see hot-spot campaigns.");
  if (!isUuid(id)) throw notFound("Campaign not found");
  const [found] = await db
    .select()
    .from(safetyHotSpotCampaign)
    .where(inOrganisation(safetyHotSpotCampaign, actor.organisationId, eq(safetyHotSpotCampaign.id, id)));
  if (!found) throw notFound("Campaign not found");
  const campaign = { ...found, status: campaignStatus(found, today) };
  const periods = campaignPeriods(found, today);
  if (!periods) return { campaign, figures: null };
  const organisationId = actor.organisationId;
  const configuration = await loadSafetyConfiguration(db, organisationId);
  const homesById = await areasOfHomes(db, organisationId);
  const [reports, homes] = await Promise.all([
    placedReports(
      db,
      organisationId,
      { from: periods.before.from, to: periods.after.to },
      asbCategoryCodes(configuration),
      homesById,
    ),
    relevantHomesInArea(db, organisationId, found.areaKind, found.areaCode, found.startedOn),
  ]);
  const counts = countByArea(reports, (report) => areaOfReport(found.areaKind, report), periods.after.from);
  const count = counts.get(found.areaCode) ?? { reports: 0, previousReports: 0 };
  const before = {
    ...periods.before,
    reports: count.previousReports,
    per1000Homes: per1000Homes(count.previousReports, homes),
  };
  const after = {
    ...periods.after,
    reports: count.reports,
    per1000Homes: per1000Homes(count.reports, homes),
  };
  const days = daysBetween(after.from, after.to) + 1;
  return {
    campaign,
    figures: {
      homes,
      before,
      after,
      days,
      reportChange: after.reports - before.reports,
      rateChange: rateChange(after.per1000Homes, before.per1000Homes),
      tooEarly: days < minDaysAfter,
    },
  };
}

/** The latest start date a manager may give: a year from today. */
export const latestStart = (today: string) => addDays(today, 365);
