import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  canViewPortfolio,
  type DeliveryFigures,
  deliveryFigures,
  type FigureFilter,
  fundingFigures,
  surveyChange,
} from "../../investment/index.ts";
import { type NeighbourhoodFacts, neighbourhoodFacts } from "../places-link.ts";
import { type BankSource, computeSocialValueSummary, type SocialValueSummary } from "./social-value.ts";
import { verifiedVolunteering } from "./verified-volunteering.ts";

/** Community development activity should be at least half in priority neighbourhoods. */
export const priorityTarget = 0.5;

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/**
 * Every common indicator for a period, optionally narrowed to one theme or one local authority.
 * `neighbourhoods` lets a caller supply the neighbourhood facts (tests, benchmarks); otherwise the
 * places module gives them. `socialValue` lets a caller that already has the period's social value (the
 * annual report) pass it in rather than compute it twice, and likewise `delivery` (the session and
 * attendance figures, read in one pass over the period's attendance).
 */
export async function computeDashboard(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  options: {
    neighbourhoods?: NeighbourhoodFacts;
    socialValue?: SocialValueSummary;
    delivery?: DeliveryFigures;
  } = {},
) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const [delivery, money, survey, socialValue, volunteering] = await Promise.all([
    options.delivery ?? deliveryFigures(db, actor, filter),
    fundingFigures(db, actor, filter),
    surveyChange(db, actor, filter),
    // Totals only: the dashboard shows no lines (the annual report passes its full computation in).
    options.socialValue ?? computeSocialValueSummary(db, actor, filter),
    verifiedVolunteering(db, actor, filter),
  ]);
  const { reach, trend, activity } = delivery;
  const places = options.neighbourhoods ?? (await neighbourhoodFacts(db, actor));
  const inPriority = activity.neighbourhoods
    .filter((n) => places.get(n.lsoa21Code)?.priority)
    .reduce((sum, n) => sum + n.communityDevelopmentSessions, 0);
  const cdSessions = activity.communityDevelopmentSessions;
  const share = cdSessions > 0 ? inPriority / cdSessions : null;
  const bank: BankSource | null = socialValue.bank;
  return {
    period: { from: filter.from, to: filter.to },
    filter: { themeCode: filter.themeCode ?? null, laCode: filter.laCode ?? null },
    residentsReached: {
      total: reach.residents.total,
      lightTouch: reach.residents.light,
      inDepth: reach.residents.inDepth,
    },
    tenantsReached: {
      total: reach.tenants.total,
      lightTouch: reach.tenants.light,
      inDepth: reach.tenants.inDepth,
    },
    volunteerInput: { people: reach.volunteers.people, hours: round1(reach.volunteers.hours) },
    /** Verified hours logged in the volunteering module, valued at the hourly rate for the year. */
    verifiedVolunteering: volunteering,
    serviceUserInput: { people: reach.serviceUserInput.people, hours: round1(reach.serviceUserInput.hours) },
    sessions: reach.sessions,
    attendances: reach.attendances,
    servicesWithinBudget: {
      services: money.budget.projects,
      withinBudget: money.budget.withinBudget,
      overBudget: money.budget.overBudget,
    },
    externalFundingSecuredPence: money.externalSecuredPence,
    internalInvestmentPence: money.internalPence,
    investmentRatio: {
      internalPence: money.internalPence,
      externalPence: money.externalSecuredPence,
      externalPerInternalPound:
        money.internalPence > 0 ? round2(money.externalSecuredPence / money.internalPence) : null,
      byTheme: money.byTheme.map((theme) => ({
        ...theme,
        externalPerInternalPound:
          theme.internalPence > 0 ? round2(theme.externalPence / theme.internalPence) : null,
      })),
    },
    priorityNeighbourhoods: {
      communityDevelopmentSessions: cdSessions,
      inPriorityNeighbourhoods: inPriority,
      withoutNeighbourhood: activity.unplacedCommunityDevelopmentSessions,
      share: share === null ? null : round4(share),
      target: priorityTarget,
      met: share === null ? null : share >= priorityTarget,
    },
    socialValue: {
      totalPence: socialValue.totalPence,
      people: socialValue.people,
      investedPence: money.spentPence,
      perPoundInvested: money.spentPence > 0 ? round2(socialValue.totalPence / money.spentPence) : null,
      source: bank
        ? `${bank.name}: ${bank.source} (${bank.priceYear} prices; ${bank.licence})`
        : "No value bank installed",
      // Which prices the total (and so the per-£1 figure) is in: every figure says so.
      priceYear: socialValue.prices?.year ?? null,
      prices: socialValue.prices?.note ?? null,
    },
    survey,
    trend,
    neighbourhoods: activity.neighbourhoods.map((n) => {
      const facts = places.get(n.lsoa21Code);
      return {
        ...n,
        name: facts?.name ?? n.lsoa21Code,
        imdDecile: facts?.imdDecile ?? null,
        priority: facts?.priority ?? false,
      };
    }),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
