import type { Context } from "hono";
import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { canViewPortfolio, listProjects, londonToday } from "../../investment/index.ts";
import { type ExportTable, toCsv, toXlsx } from "../export-table.ts";
import { computeDashboard } from "../queries/dashboard.ts";
import { computeSocialValue, computeSroi } from "../queries/social-value.ts";
import { periodFrom } from "./impact-nav.ts";

const names = ["neighbourhoods", "themes", "trend", "social-value", "sroi", "projects"] as const;

/** Any dashboard table as CSV or XLSX, for the same period and filters as the page. */
export function exportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact/export/:file", async (c) => {
    const actor = requireActor(c);
    // The role before the file name is even read (issue 18 item 6).
    requireAllowed(canViewPortfolio(actor), "Only staff can download impact figures.");
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(c.req.param("file"));
    const name = names.find((n) => n === match?.[1]);
    if (!match || !name)
      throw notFound(
        "Export not found",
        `Choose one of: ${names.map((n) => `${n}.csv or ${n}.xlsx`).join(", ")}.`,
      );
    const db = c.get("services").database.db;
    const q = c.req.query();
    const period = periodFrom(q, londonToday(c.get("now")));
    const filter = { from: period.from, to: period.to, themeCode: q.theme || null, laCode: q.area || null };
    let table: ExportTable;
    if (name === "projects") {
      const { projects } = await listProjects(db, actor);
      table = {
        name: "Projects",
        head: [
          "project_id",
          "name",
          "kind",
          "stage",
          "life_role",
          "themes",
          "community_development",
          "budget_pence",
        ],
        rows: projects.map((p) => [
          p.id,
          p.name,
          p.kind,
          p.stage,
          p.lifeRole,
          p.themes.join("; "),
          p.communityDevelopment ? "yes" : "no",
          p.budgetPence,
        ]),
      };
    } else if (name === "sroi") {
      const sroi = await computeSroi(db, actor, filter);
      table = {
        name: "SROI",
        head: [
          "project_id",
          "project",
          "social_value_pence",
          "present_value_pence",
          "inputs_pence",
          "sroi_ratio",
          "value_source",
        ],
        rows: [
          ...sroi.projects.map((p) => [
            p.projectId,
            p.projectName,
            p.socialValuePence,
            p.sroi.presentValuePence,
            p.sroi.inputsPence,
            p.sroi.ratio === null ? null : Math.round(p.sroi.ratio * 100) / 100,
            sroi.bank?.source ?? "",
          ]),
          [
            "",
            "All projects",
            sroi.projects.reduce((sum, p) => sum + p.socialValuePence, 0),
            sroi.overall.presentValuePence,
            sroi.overall.inputsPence,
            sroi.overall.ratio === null ? null : Math.round(sroi.overall.ratio * 100) / 100,
            sroi.bank?.source ?? "",
          ],
        ],
      };
    } else if (name === "social-value") {
      const value = await computeSocialValue(db, actor, filter);
      table = {
        name: "Social value",
        head: [
          "outcome_record_id",
          "participant_id",
          "project_id",
          "code",
          "outcome",
          "achieved_on",
          "age_band",
          "region",
          "status",
          "gross_pence",
          "deadweight_percent",
          "net_pence",
          "excluded_by",
          "value_source",
        ],
        rows: value.lines.map((l) => [
          l.outcomeId,
          l.participantId,
          l.projectId,
          l.code,
          value.outcomeNames[l.code] ?? "",
          l.achievedOn,
          l.ageBand,
          l.region,
          l.status,
          l.grossPence,
          l.deadweightPercent,
          l.netPence,
          l.excludedBy,
          value.bank?.source ?? "",
        ]),
      };
    } else {
      const d = await computeDashboard(db, actor, filter);
      table =
        name === "neighbourhoods"
          ? {
              name: "Neighbourhoods",
              head: [
                "lsoa21_code",
                "name",
                "la_code",
                "imd_decile",
                "priority",
                "sessions",
                "community_development_sessions",
                "people",
              ],
              rows: d.neighbourhoods.map((n) => [
                n.lsoa21Code,
                n.name,
                n.laCode,
                n.imdDecile,
                n.priority ? "yes" : "no",
                n.sessions,
                n.communityDevelopmentSessions,
                n.people,
              ]),
            }
          : name === "themes"
            ? {
                name: "Themes",
                head: [
                  "theme_code",
                  "theme",
                  "internal_pence",
                  "external_pence",
                  "external_per_internal_pound",
                ],
                rows: d.investmentRatio.byTheme.map((t) => [
                  t.code,
                  t.name,
                  t.internalPence,
                  t.externalPence,
                  t.externalPerInternalPound,
                ]),
              }
            : {
                name: "Trend",
                head: ["month", "sessions", "people", "attendances"],
                rows: d.trend.map((t) => [t.month, t.sessions, t.people, t.attendances]),
              };
    }
    return sendTable(c, table, `kith-${name}-${period.from}-to-${period.to}`, match[2]);
  });
  return app;
}

/** A table as a download: CSV (formula-safe) or an XLSX workbook with one sheet. */
export async function sendTable(c: Context<AppEnv>, table: ExportTable, basename: string, format: string) {
  const filename = `${basename}.${format === "csv" ? "csv" : "xlsx"}`;
  if (format === "csv")
    return c.body(toCsv(table), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  return c.body(new Uint8Array(await toXlsx(table)), 200, {
    "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": `attachment; filename="${filename}"`,
  });
}
