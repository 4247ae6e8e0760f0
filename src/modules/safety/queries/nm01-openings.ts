import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { csvText } from "../../../platform/exports/csv.ts";

/** One NM01 case: a case's opening, or its reopening by a report after it closed. */
export type Nm01Opening = {
  caseReference: string;
  laCode: string | null;
  countedOn: string;
  kind: "opened" | "reported-after-closing";
  hate: boolean;
  /** Cases linked to this one as the same matter, which count only as part of it. */
  linkedReferences: string[];
};

/**
 * The rows behind NM01 for a period (both dates inclusive): every ASB case that opened in it, and
 * every closed case first reported again in it. A case linked as the same matter as another adds
 * no opening of its own, and its hate strand makes the matter a hate case (NM01(2)).
 * The caller checks policy and the period (queries/nm01.ts).
 */
export async function nm01Openings(
  db: Db,
  organisationId: string,
  period: { from: string; to: string },
): Promise<Nm01Opening[]> {
  const result = (await db.execute(sql`
    WITH counted_case AS (
      SELECT c.id, c.reference, c.la_code, c.opened_on, c.closed_on,
             c.hate_strand IS NOT NULL OR bool_or(d.hate_strand IS NOT NULL) AS hate,
             coalesce(array_agg(d.reference ORDER BY d.reference) FILTER (WHERE d.id IS NOT NULL), '{}') AS linked
        FROM safety_case c
        LEFT JOIN safety_same_matter_link l ON l.organisation_id = c.organisation_id AND l.same_as_case_id = c.id
        LEFT JOIN safety_case d ON d.organisation_id = l.organisation_id AND d.id = l.case_id
       WHERE c.organisation_id = ${organisationId} AND c.counts_as_asb
         AND NOT EXISTS (SELECT 1 FROM safety_same_matter_link x
                          WHERE x.organisation_id = c.organisation_id AND x.case_id = c.id)
       GROUP BY c.id, c.reference, c.la_code, c.opened_on, c.closed_on, c.hate_strand
    )
    SELECT c.reference, c.la_code, c.opened_on::text AS counted_on, 'opened' AS kind, c.hate, c.linked
      FROM counted_case c
     WHERE c.opened_on BETWEEN ${period.from} AND ${period.to}
    UNION ALL
    SELECT c.reference, c.la_code, min(r.reported_on)::text, 'reported-after-closing', c.hate, c.linked
      FROM counted_case c
      JOIN safety_report r ON r.organisation_id = ${organisationId} AND r.case_id = c.id AND r.reported_on > c.closed_on
     WHERE c.closed_on IS NOT NULL AND c.closed_on < ${period.to}
     GROUP BY c.id, c.reference, c.la_code, c.hate, c.linked
    HAVING min(r.reported_on) BETWEEN ${period.from} AND ${period.to}
     ORDER BY 3, 1`)) as unknown as {
    rows: {
      reference: string;
      la_code: string | null;
      counted_on: string;
      kind: Nm01Opening["kind"];
      hate: boolean;
      linked: string[] | string;
    }[];
  };
  return result.rows.map((row) => ({
    caseReference: row.reference,
    laCode: row.la_code,
    countedOn: row.counted_on,
    kind: row.kind,
    hate: row.hate === true,
    linkedReferences: Array.isArray(row.linked) ? row.linked : parseTextArray(row.linked),
  }));
}

/** node-postgres returns text[] as an array; a driver that returns the literal "{a,b}" is read here. */
function parseTextArray(literal: string): string[] {
  const inner = literal.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",").map((item) => item.replace(/^"|"$/g, ""));
}

/** The rows behind NM01 as CSV: case references and dates only, no personal data. */
export function nm01OpeningsCsv(rows: Nm01Opening[]): string {
  const header = [
    "case_reference",
    "area_code",
    "counted_on",
    "counted_because",
    "hate_incident",
    "same_matter_cases",
  ];
  const lines = rows.map((row) => [
    row.caseReference,
    row.laCode ?? "",
    row.countedOn,
    row.kind === "opened" ? "opened" : "reported again after closing",
    row.hate ? "yes" : "no",
    row.linkedReferences.join(" "),
  ]);
  return csvText([header, ...lines]);
}
