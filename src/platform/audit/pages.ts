import { and, desc, eq, gte, ilike, lte, or, type SQL } from "drizzle-orm";
import { Hono } from "hono";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { inOrganisation } from "../db/scope.ts";
import type { AppEnv } from "../http/app-env.ts";
import { isRealDate, pageNumber } from "../http/fields.ts";
import { renderPage, requireActor } from "../http/render.ts";
import {
  details,
  filterLayout,
  formatDateTime,
  html,
  pagination,
  select,
  table,
  textInput,
} from "../ui/index.ts";
import { auditEntry } from "./audit-read-log-schema.ts";

const pageSize = 50;
const actions = ["", "sign-in", "sign-in-failed", "create", "update", "delete", "read", "denied"];

/** Organisation admins search their organisation's audit log: who did what, when, with before and after. */
export function auditPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/admin/audit", async (c) => {
    const actor = requireActor(c);
    requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can search the audit log.");
    const q = c.req.query();
    const text = (q.q ?? "").trim().slice(0, 100);
    const action = actions.includes(q.action ?? "") ? (q.action ?? "") : "";
    const from = q.from && isRealDate(q.from) ? q.from : "";
    const to = q.to && isRealDate(q.to) ? q.to : "";
    const page = pageNumber(q.page);
    const conditions: (SQL | undefined)[] = [
      text
        ? or(
            ilike(auditEntry.summary, `%${text}%`),
            ilike(auditEntry.actorLabel, `%${text}%`),
            eq(auditEntry.entityId, text),
          )
        : undefined,
      action ? eq(auditEntry.action, action) : undefined,
      from ? gte(auditEntry.at, new Date(`${from}T00:00:00Z`)) : undefined,
      to ? lte(auditEntry.at, new Date(`${to}T23:59:59.999Z`)) : undefined,
    ];
    const rows = await c
      .get("services")
      .database.db.select()
      .from(auditEntry)
      .where(inOrganisation(auditEntry, actor.organisationId, and(...conditions)))
      // Reads are not chained, so entries are merged by time; the id (UUID v7) breaks ties.
      .orderBy(desc(auditEntry.at), desc(auditEntry.id))
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize);
    const hasMore = rows.length > pageSize;
    const params = (p: number) =>
      `?${new URLSearchParams({ q: text, action, from, to, page: String(p) }).toString()}`;
    return renderPage(c, {
      title: "Audit log",
      fullWidth: true,
      content: html`<h1 class="govuk-heading-l">Audit log</h1>
        <p class="govuk-body">Every sign-in, every change and every view of personal data is recorded here and cannot be edited. Run <code>kith audit verify</code> to check that no entry has been altered.</p>
        ${filterLayout({
          action: "/admin/audit",
          filters: html`${textInput({ name: "q", label: "Search", hint: "Words in the summary, a user, or a record id", value: text })}
            ${select({ name: "action", label: "Action", value: action, options: actions.map((a) => ({ value: a, text: a || "Any" })) })}
            ${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: from, width: 10 })}
            ${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: to, width: 10 })}`,
          results: html`${table({
            caption: `Entries${page > 1 ? `, page ${page}` : ""}`,
            head: [
              { text: "When" },
              { text: "Who" },
              { text: "Action" },
              { text: "What" },
              { text: "Details" },
            ],
            rows: rows.slice(0, pageSize).map((row) => [
              formatDateTime(row.at),
              row.actorLabel,
              row.action,
              html`${row.summary}<br><span class="govuk-body-s">${row.entityType}${row.entityId ? ` ${row.entityId}` : ""}</span>`,
              row.before || row.after
                ? details({
                    summary: "Before and after",
                    content: html`<pre class="kith-pre">${JSON.stringify({ before: row.before, after: row.after }, null, 2)}</pre>`,
                  })
                : "",
            ]),
          })}
          ${pagination({ currentPage: page, totalPages: hasMore ? page + 1 : page, href: params })}`,
        })}`,
    });
  });
  return app;
}
