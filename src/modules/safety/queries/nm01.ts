import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { per1000Homes } from "../domain/nm01-rules.ts";
import { localAuthorityNames, relevantStockByLocalAuthority } from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import { type Nm01Opening, nm01Openings } from "./nm01-openings.ts";

export type Nm01Row = {
  laCode: string | null;
  laName: string;
  homes: number;
  cases: number;
  hateCases: number;
  casesPer1000Homes: number | null;
  hateCasesPer1000Homes: number | null;
};

export type Nm01Report = {
  from: string;
  to: string;
  areas: Nm01Row[];
  total: Omit<Nm01Row, "laCode" | "laName">;
};

export function checkPeriod(from: string, to: string): void {
  const errors: Record<string, string> = {};
  if (!isRealDate(from)) errors.from = "Enter the start date as YYYY-MM-DD, like 2025-04-01";
  if (!isRealDate(to)) errors.to = "Enter the end date as YYYY-MM-DD, like 2026-03-31";
  if (!errors.from && !errors.to && to < from) errors.to = "The end date must be on or after the start date";
  if (Object.keys(errors).length > 0) throw invalid("The reporting period is not valid.", errors);
}

/**
 * NM01 for a period (both dates inclusive), by local authority and in total.
 * A case counts on the day it opened; a closed case whose later reports run past its
 * closing date counts again on the first such report (see domain/nm01-rules.ts).
 * Homes (the denominator) are the relevant TSM stock, LCRA and LCHO, owned at the end of the
 * period: homes bought later or sold by then are left out, so a closed year's figure stays put.
 * The rules and their sources: docs/safety-nm01.md.
 */
export async function nm01(db: Db, actor: Actor, period: { from: string; to: string }): Promise<Nm01Report> {
  requireAllowed(canViewReports(actor), "Only staff can see NM01.");
  checkPeriod(period.from, period.to);
  const organisationId = actor.organisationId;
  const counted = new Map<string | null, { cases: number; hateCases: number }>();
  for (const opening of await nm01Openings(db, organisationId, period)) {
    const area = counted.get(opening.laCode) ?? { cases: 0, hateCases: 0 };
    area.cases += 1;
    if (opening.hate) area.hateCases += 1;
    counted.set(opening.laCode, area);
  }
  const homes = await relevantStockByLocalAuthority(db, organisationId, period.to);
  const areas: Nm01Row[] = homes.map((area) =>
    row(area.laCode, area.laName, area.homes, counted.get(area.laCode)),
  );
  const extraCodes = [...counted.keys()].filter(
    (code): code is string => code !== null && !homes.some((h) => h.laCode === code),
  );
  const names = await localAuthorityNames(db, extraCodes);
  for (const code of extraCodes) areas.push(row(code, names.get(code) ?? code, 0, counted.get(code)));
  if (counted.has(null)) areas.push(row(null, "Area not recorded", 0, counted.get(null)));
  const total = areas.reduce(
    (sum, area) => ({
      homes: sum.homes + area.homes,
      cases: sum.cases + area.cases,
      hateCases: sum.hateCases + area.hateCases,
    }),
    { homes: 0, cases: 0, hateCases: 0 },
  );
  return {
    from: period.from,
    to: period.to,
    areas,
    total: {
      ...total,
      casesPer1000Homes: per1000Homes(total.cases, total.homes),
      hateCasesPer1000Homes: per1000Homes(total.hateCases, total.homes),
    },
  };
}

function row(
  laCode: string | null,
  laName: string,
  homes: number,
  counts: { cases: number; hateCases: number } | undefined,
): Nm01Row {
  const cases = counts?.cases ?? 0;
  const hateCases = counts?.hateCases ?? 0;
  return {
    laCode,
    laName,
    homes,
    cases,
    hateCases,
    casesPer1000Homes: per1000Homes(cases, homes),
    hateCasesPer1000Homes: per1000Homes(hateCases, homes),
  };
}

/** The rows behind NM01 for a period, for the "how this was worked out" download. */
export async function nm01Cases(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<Nm01Opening[]> {
  requireAllowed(canViewReports(actor), "Only staff can see NM01.");
  checkPeriod(period.from, period.to);
  return nm01Openings(db, actor.organisationId, period);
}
