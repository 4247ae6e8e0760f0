import { Hono } from "hono";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, formatPence, html, table, tag } from "../../../platform/ui/index.ts";
import { canPostNeed, canViewExchangeReports } from "../policy.ts";
import { listContracts, listMyPledges, listNeeds, listOpenAlerts } from "../queries/exchange-queries.ts";
import { categoryNames } from "../schema.ts";
import { needTag, pledgeTag } from "./exchange-display.ts";

// The exchange's front page: what each person needs to act on.
export const dashboardPage = new Hono<AppEnv>();

dashboardPage.get("/exchange", async (c) => {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const staff = canViewExchangeReports(actor);
  const [needs, contracts, mine, alerts] = await Promise.all([
    listNeeds(db, actor),
    listContracts(db, actor),
    listMyPledges(db, actor),
    staff ? listOpenAlerts(db, actor) : Promise.resolve([]),
  ]);
  const waiting = needs.filter((n) => n.status === "submitted");
  const today = londonDay(c.get("now"));
  return renderPage(c, {
    title: "Social value exchange",
    fullWidth: true,
    content: html`<h1 class="govuk-heading-xl">Social value exchange</h1>
      <p class="govuk-body-l">Community organisations post needs. Suppliers bidding for contracts pledge resources to meet them, and earn social value points.</p>
      <div class="govuk-button-group">
        ${canPostNeed(actor) ? button({ text: "Post a need", href: "/exchange/needs/new" }) : ""}
        ${staff ? button({ text: "Open a tender", href: "/exchange/contracts/new", variant: "secondary" }) : ""}
        ${staff ? button({ text: "Pledged against delivered", href: "/exchange/report", variant: "secondary" }) : ""}
      </div>
      ${
        alerts.length > 0
          ? table({
              caption: `Overdue pledges (${alerts.length})`,
              head: [{ text: "Pledge" }, { text: "Alert" }, { text: "Due" }],
              rows: alerts.map(({ alert, pledge }) => [
                html`<a class="govuk-link" href="/exchange/pledges/${pledge.id}">${pledge.reference}</a>`,
                alert.message,
                formatDate(pledge.dueBy),
              ]),
            })
          : ""
      }
      ${
        staff && waiting.length > 0
          ? table({
              caption: `Needs waiting for moderation (${waiting.length})`,
              head: [
                { text: "Need" },
                { text: "Organisation" },
                { text: "Category" },
                { text: "Value", numeric: true },
              ],
              rows: waiting.map((n) => [
                html`<a class="govuk-link" href="/exchange/needs/${n.id}">${n.title}</a>`,
                n.communityOrgName,
                categoryNames[n.category],
                formatPence(n.valuePence),
              ]),
            })
          : ""
      }
      ${table({
        caption: staff ? `All needs (${needs.length})` : `Needs (${needs.length})`,
        head: [
          { text: "Reference" },
          { text: "Need" },
          { text: "Organisation" },
          { text: "Category" },
          { text: "Where" },
          { text: "Value", numeric: true },
          { text: "Status" },
        ],
        rows: needs.map((n) => [
          n.reference,
          html`<a class="govuk-link" href="/exchange/needs/${n.id}">${n.title}</a>`,
          n.communityOrgName,
          categoryNames[n.category],
          n.location,
          formatPence(n.valuePence),
          needTag(n.status),
        ]),
      })}
      ${table({
        caption: `Tenders (${contracts.length})`,
        head: [
          { text: "Reference" },
          { text: "Contract" },
          { text: "Value", numeric: true },
          { text: "Social value weighting", numeric: true },
          { text: "Closes" },
          { text: "Status" },
        ],
        rows: contracts.map((t) => [
          t.reference,
          html`<a class="govuk-link" href="/exchange/contracts/${t.id}">${t.title}</a>`,
          formatPence(t.valuePence),
          `${t.weightingBp / 100}%`,
          formatDate(t.tenderCloses),
          t.status === "awarded"
            ? `Awarded to ${t.awardedSupplierName ?? ""}`
            : t.tenderCloses < today
              ? "Closed, not yet awarded"
              : "Open for pledges",
        ]),
      })}
      ${
        mine.length > 0
          ? table({
              caption:
                actor.kind === "user" && actor.role === "supplier"
                  ? "Your pledges"
                  : "Pledges meeting your needs",
              head: [
                { text: "Pledge" },
                { text: "Supplier" },
                { text: "What" },
                { text: "Value", numeric: true },
                { text: "Due" },
                { text: "Status" },
              ],
              rows: mine.map((p) => [
                html`<a class="govuk-link" href="/exchange/pledges/${p.id}">${p.reference}</a>`,
                p.supplierName,
                p.description,
                formatPence(p.valuePence),
                formatDate(p.dueBy),
                // An accepted pledge past its date is flagged to the supplier as well as to officers.
                p.status === "accepted" && p.dueBy < today ? tag("Overdue", "red") : pledgeTag(p.status),
              ]),
            })
          : ""
      }`,
  });
});
