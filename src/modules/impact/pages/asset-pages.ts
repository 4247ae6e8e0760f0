import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { formatDate, html, lineChart, table } from "../../../platform/ui/index.ts";
import { assetUse, londonToday } from "../../investment/index.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { listCommunityAssets } from "../../places/index.ts";
import { impactNav } from "./impact-nav.ts";

const typeName = (type: string) => type.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());

/**
 * Community assets and groups, and how they change over time: assets open, community groups known,
 * and sessions held in the buildings, year by year; each asset with the projects that use it.
 * (Kith holds no coordinates or boundaries, so this is a register with trends, not a drawn map.)
 */
export function assetPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact/assets", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const [assets, uses, groups] = await Promise.all([
      listCommunityAssets(db, actor),
      assetUse(db, actor),
      listPartnerOrganisations(db, actor, { kind: "community-group" }),
    ]);
    const thisYear = Number(londonToday(c.get("now")).slice(0, 4));
    const years = Array.from({ length: 5 }, (_, i) => thisYear - 4 + i);
    const openIn = (year: number) =>
      assets.filter(
        (a) =>
          (!a.openedOn || Number(a.openedOn.slice(0, 4)) <= year) &&
          (!a.closedOn || Number(a.closedOn.slice(0, 4)) > year),
      ).length;
    const groupsBy = (year: number) => groups.filter((g) => g.createdAt.getUTCFullYear() <= year).length;
    const sessionsIn = (year: number) =>
      [...uses.values()].reduce((sum, u) => sum + (u.sessionsByYear[String(year)] ?? 0), 0);
    return renderPage(c, {
      title: "Community assets and groups",
      fullWidth: true,
      content: html`${impactNav("/impact/assets")}<h1 class="govuk-heading-l">Community assets and groups</h1>
        <p class="govuk-body">${assets.length} assets and ${groups.length} community groups. Active projects run at these assets are published in the Open Referral directory at <a class="govuk-link" href="/openreferral/services">/openreferral/services</a>.</p>
        ${lineChart({
          id: "assets-over-time",
          title: "Assets, groups and building use by year",
          description: `Open assets, community groups on record and sessions held in community buildings, ${years[0]} to ${thisYear}.`,
          periods: years.map(String),
          series: [
            { name: "Assets open", values: years.map(openIn) },
            { name: "Community groups", values: years.map(groupsBy) },
            { name: "Sessions in buildings (÷10)", values: years.map((y) => Math.round(sessionsIn(y) / 10)) },
          ],
          table: "details",
        })}
        ${table({
          caption: "Assets and the projects that use them",
          firstCellIsHeader: true,
          head: [
            { text: "Asset" },
            { text: "Type" },
            { text: "Area" },
            { text: "Open" },
            { text: "Current use" },
            { text: "Projects using it" },
            { text: `Sessions ${thisYear}`, numeric: true },
          ],
          rows: assets.map((a) => {
            const use = uses.get(a.id);
            return [
              a.name,
              typeName(a.assetType),
              a.laName ?? a.laCode,
              a.closedOn
                ? `Closed ${formatDate(a.closedOn)}`
                : a.openedOn
                  ? `Since ${formatDate(a.openedOn)}`
                  : "Yes",
              a.currentUse ?? "–",
              use?.projects.length
                ? html`${use.projects.map((p, i) => html`${i ? ", " : ""}<a class="govuk-link" href="/investment/projects/${p.id}">${p.name}</a>`)}`
                : "None yet",
              { content: use?.sessionsByYear[String(thisYear)] ?? 0, numeric: true },
            ];
          }),
        })}
        ${table({ caption: "Community groups", head: [{ text: "Group" }, { text: "On record since" }], rows: groups.map((g) => [g.name, formatDate(g.createdAt)]) })}`,
    });
  });
  return app;
}
