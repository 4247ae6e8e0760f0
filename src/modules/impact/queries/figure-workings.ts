import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  communityDevelopmentSessions,
  type FigureFilter,
  fundingRecords,
  spendLines,
} from "../../investment/index.ts";
import type { ExportTable } from "../export-table.ts";
import { type NeighbourhoodFacts, neighbourhoodFacts } from "../places-link.ts";
import { computeDashboard, type Dashboard } from "./dashboard.ts";
import type { FigureName } from "./figure-rules.ts";
import { computeSocialValue, computeSroi, type SocialValueReport } from "./social-value.ts";

export type FigurePart = { value: number; unit: "pence" | "sessions" };

/** A headline figure with its parts and the rows behind them, for one period and filter. */
export type FigureWorking = {
  name: FigureName;
  period: { from: string; to: string };
  /** The figure exactly as the dashboard has it (rounded the same way); null when the denominator is 0. */
  value: number | null;
  numerator: FigurePart;
  denominator: FigurePart;
  /** Which prices the money is in ("at 2025 prices …"), for figures built on social value. */
  prices: string | null;
  /** The value bank named as the values' source, where there is one. */
  valueSource: string | null;
  rows: ExportTable;
};

/**
 * One headline figure worked out: the figure, numerator and denominator come from computeDashboard
 * (or computeSroi, which the dashboard's SROI export uses), never from a second sum; the rows are the
 * records those functions add up, listed one by one. Same policy as the dashboard (staff only); the
 * rows carry ids and project names, no person's name.
 */
export async function figureWorking(
  db: Db,
  actor: Actor,
  name: FigureName,
  filter: FigureFilter,
  options: { neighbourhoods?: NeighbourhoodFacts } = {},
): Promise<FigureWorking> {
  const neighbourhoods = options.neighbourhoods ?? (await neighbourhoodFacts(db, actor));
  const socialValue = await computeSocialValue(db, actor, filter);
  const dashboard = await computeDashboard(db, actor, filter, { neighbourhoods, socialValue });
  const figure = figures[name];
  const worked = await figure.work({ db, actor, filter, dashboard, socialValue, neighbourhoods });
  return {
    name,
    period: dashboard.period,
    value: worked.value,
    numerator: worked.numerator,
    denominator: worked.denominator,
    prices: figure.valued ? dashboard.socialValue.prices : null,
    valueSource: figure.valued ? dashboard.socialValue.source : null,
    rows: { name: figure.table, head: figure.head, rows: worked.rows },
  };
}

/** What every figure's workings read: the period's dashboard and social value, computed once. */
type FigureInputs = {
  db: Db;
  actor: Actor;
  filter: FigureFilter;
  dashboard: Dashboard;
  socialValue: SocialValueReport;
  neighbourhoods: NeighbourhoodFacts;
};

type Worked = Pick<FigureWorking, "value" | "numerator" | "denominator"> & { rows: ExportTable["rows"] };

/** One figure: its table's name and columns, whether it is built on social value, and its workings. */
type Figure = {
  table: string;
  head: string[];
  valued: boolean;
  work: (inputs: FigureInputs) => Promise<Worked>;
};

/** A table's column names, given as one space-separated line. */
const columns = (names: string) => names.split(" ");
const pence = (value: number): FigurePart => ({ value, unit: "pence" });
const sessions = (value: number): FigurePart => ({ value, unit: "sessions" });
const twoPlaces = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100) / 100);

const figures: Record<FigureName, Figure> = {
  "social-value-per-pound": {
    table: "Social value per £1",
    head: columns(
      "part record id project_id participant_id date value_code outcome age_band region status gross_pence deadweight_percent counted_pence",
    ),
    valued: true,
    work: socialValuePerPound,
  },
  sroi: {
    table: "SROI",
    head: columns("row project_id project social_value_pence present_value_pence inputs_pence sroi_ratio"),
    valued: true,
    work: sroiWorking,
  },
  "priority-share": {
    table: "Priority share",
    head: columns(
      "session_id project_id project held_on la_code lsoa21_code neighbourhood priority in_numerator in_denominator",
    ),
    valued: false,
    work: priorityShare,
  },
  "external-funding-per-pound": {
    table: "External funding per £1",
    head: columns(
      "part funding_id project_id project funder kind year amount_pence year_share counted_pence",
    ),
    valued: false,
    work: externalPerInternalPound,
  },
};

async function priorityShare({
  db,
  actor,
  filter,
  dashboard,
  neighbourhoods,
}: FigureInputs): Promise<Worked> {
  const held = await communityDevelopmentSessions(db, actor, filter);
  const p = dashboard.priorityNeighbourhoods;
  return {
    value: p.share,
    numerator: sessions(p.inPriorityNeighbourhoods),
    denominator: sessions(p.communityDevelopmentSessions),
    rows: held.map((s) => {
      const facts = s.lsoa21Code ? neighbourhoods.get(s.lsoa21Code) : undefined;
      const priority = facts?.priority ? "yes" : "no";
      return [
        s.id,
        s.projectId,
        s.projectName,
        s.heldOn,
        s.laCode,
        s.lsoa21Code,
        facts?.name ?? "",
        priority,
        priority,
        "yes",
      ];
    }),
  };
}

async function externalPerInternalPound({ db, actor, filter, dashboard }: FigureInputs): Promise<Worked> {
  const records = await fundingRecords(db, actor, filter);
  const ratio = dashboard.investmentRatio;
  return {
    value: ratio.externalPerInternalPound,
    numerator: pence(ratio.externalPence),
    denominator: pence(ratio.internalPence),
    rows: records.map((r) => [
      r.kind === "external" ? "numerator" : "denominator",
      r.id,
      r.projectId,
      r.projectName,
      r.source,
      r.kind,
      r.year,
      r.amountPence,
      Math.round(r.yearShare * 10_000) / 10_000,
      r.countedPence,
    ]),
  };
}

async function socialValuePerPound({
  db,
  actor,
  filter,
  dashboard,
  socialValue,
}: FigureInputs): Promise<Worked> {
  const spend = await spendLines(db, actor, filter);
  const value = dashboard.socialValue;
  return {
    value: value.perPoundInvested,
    numerator: pence(value.totalPence),
    denominator: pence(value.investedPence),
    rows: [
      // In date order, so the file reads the same on every engine.
      ...[...socialValue.lines]
        .sort((a, b) => a.achievedOn.localeCompare(b.achievedOn) || a.outcomeId.localeCompare(b.outcomeId))
        .map((l) => [
          "numerator",
          "outcome record",
          l.outcomeId,
          l.projectId,
          l.participantId,
          l.achievedOn,
          l.code,
          socialValue.outcomeNames[l.code] ?? "",
          l.ageBand,
          l.region,
          l.status,
          l.grossPence,
          l.deadweightPercent,
          l.status === "counted" ? l.netPence : 0,
        ]),
      ...spend.map((s) => [
        "denominator",
        "spending line",
        s.id,
        s.projectId,
        null,
        s.spentOn,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        s.amountPence,
      ]),
    ],
  };
}

async function sroiWorking({ db, actor, filter, dashboard, socialValue }: FigureInputs): Promise<Worked> {
  const sroi = await computeSroi(db, actor, filter, socialValue, dashboard.socialValue.investedPence);
  const projectsPresentValue = sroi.projects.reduce((sum, p) => sum + p.sroi.presentValuePence, 0);
  // The overall present value is rounded once over every outcome, each project's on its own, so
  // the projects' pennies can differ from the whole by a few: the difference is its own row.
  const rounding = sroi.overall.presentValuePence - projectsPresentValue;
  return {
    value: twoPlaces(sroi.overall.ratio),
    numerator: pence(sroi.overall.presentValuePence),
    denominator: pence(sroi.overall.inputsPence),
    rows: [
      ...sroi.projects.map((p) => [
        "project",
        p.projectId,
        p.projectName,
        p.socialValuePence,
        p.sroi.presentValuePence,
        p.sroi.inputsPence,
        twoPlaces(p.sroi.ratio),
      ]),
      ...(sroi.withoutValuedOutcomesPence > 0
        ? [
            [
              "spending by projects with no valued outcomes",
              null,
              null,
              0,
              0,
              sroi.withoutValuedOutcomesPence,
              null,
            ],
          ]
        : []),
      ...(rounding !== 0 ? [["rounding", null, null, 0, rounding, 0, null]] : []),
    ],
  };
}
