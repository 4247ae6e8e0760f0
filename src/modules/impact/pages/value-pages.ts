import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  button,
  fileUpload,
  formatNumber,
  formatPence,
  formatPounds,
  html,
  summaryList,
  table,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { canViewParticipants, londonToday } from "../../investment/index.ts";
import { ageBands, regions } from "../age-region.ts";
import {
  canManageValueBank,
  importValueBank,
  installOpenDefaultBank,
} from "../commands/import-value-bank.ts";
import { computeSocialValue } from "../queries/social-value.ts";
import { getActiveValueBank } from "../queries/value-bank.ts";
import { impactNav, periodFrom } from "./impact-nav.ts";

const statusNames: Record<string, string> = {
  counted: "Valued",
  "repeat-within-12-months": "Not valued: repeat within 12 months",
  excluded: "Not valued: same area of benefit as a higher value",
  "not-in-value-bank": "Not valued: not in the value bank",
  "before-period": "Before the period",
};

export function valuePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/impact/social-value", async (c) => {
    const actor = requireActor(c);
    const period = periodFrom(c.req.query(), londonToday(c.get("now")));
    const value = await computeSocialValue(c.get("services").database.db, actor, {
      from: period.from,
      to: period.to,
    });
    const shown = value.lines.slice(0, 500);
    const names = canViewParticipants(actor);
    return renderPage(c, {
      title: "Social value",
      fullWidth: true,
      content: html`${impactNav("/impact/social-value")}<h1 class="govuk-heading-l">Social value</h1>
        <form method="get" action="/impact/social-value" class="kith-inline-filter">${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: period.from, width: 10 })}${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: period.to, width: 10 })}${button({ text: "Show", classes: "govuk-button--secondary" })}</form>
        <p class="govuk-body-l">${formatPounds(value.totalPence)} for ${formatNumber(value.people)} people (${formatPounds(value.grossPence)} before deadweight)${value.prices ? `, ${value.prices.note}` : ""}.</p>
        <p class="govuk-body-s">Values: ${value.bank ? `${value.bank.name}: ${value.bank.source} (${value.bank.priceYear} prices; ${value.bank.licence})` : "no value bank installed"}.</p>
        <p class="govuk-body">Every outcome record that names a value-bank outcome is listed, with what happened to it. <a class="govuk-link" href="/impact/export/social-value.csv?from=${period.from}&amp;to=${period.to}">Download all ${formatNumber(value.lines.length)} lines (CSV)</a>.</p>
        ${table({
          caption:
            shown.length < value.lines.length
              ? `The first ${shown.length} of ${value.lines.length} lines`
              : `${value.lines.length} lines`,
          head: [
            { text: "Achieved" },
            { text: "Participant" },
            { text: "Outcome" },
            { text: "Age band" },
            { text: "Region" },
            ...numericHeads("Value", "Deadweight", "Counted"),
            { text: "Status" },
          ],
          rows: shown.map((l) => [
            l.achievedOn,
            names
              ? html`<a class="govuk-link" href="/investment/participants/${l.participantId}">${l.participantId.slice(-8)}</a>`
              : l.participantId.slice(-8),
            `${value.outcomeNames[l.code] ?? l.code} (${l.code})`,
            l.ageBand,
            l.region === "london" ? "London" : "Outside London",
            { content: formatPence(l.grossPence), numeric: true },
            { content: `${l.deadweightPercent}%`, numeric: true },
            { content: l.status === "counted" ? formatPence(l.netPence) : "–", numeric: true },
            statusNames[l.status] ?? l.status,
          ]),
        })}`,
    });
  });

  const bankPage = async (c: Context<AppEnv>, errors: FieldErrors = {}, status: 200 | 422 = 200) => {
    const actor = requireActor(c);
    const active = await getActiveValueBank(c.get("services").database.db, actor);
    const outcomes = active ? [...active.rules.outcomes.values()] : [];
    return renderPage(c, {
      title: "Value bank",
      fullWidth: true,
      errors,
      status,
      notification: flashFrom(c, {
        imported: "The value bank has been imported and is now in use.",
        installed: "The open default value bank is now in use.",
      }),
      content: html`${impactNav("/impact/value-bank")}<h1 class="govuk-heading-l">Value bank</h1>
        ${
          active
            ? summaryList([
                { key: "In use", value: active.bank.name },
                { key: "Source", value: active.bank.source },
                { key: "Licence", value: active.bank.licence },
                { key: "Prices", value: String(active.bank.priceYear) },
                {
                  key: "Deadweight",
                  value: active.categories
                    .map((cat) => `${cat.category} ${cat.deadweightPercent}%`)
                    .join(", "),
                },
              ])
            : warningText("No value bank is in use, so no social value can be calculated yet.")
        }
        ${table({
          caption: `${outcomes.length} outcomes`,
          head: [
            { text: "Code" },
            { text: "Outcome" },
            { text: "Category" },
            ...ageBands.flatMap((band) =>
              regions.map((region) => ({
                text: `${band}, ${region === "london" ? "London" : "outside"}`,
                numeric: true,
              })),
            ),
          ],
          rows: outcomes.map((o) => [
            o.code,
            o.name,
            o.category,
            ...ageBands.flatMap((band) =>
              regions.map((region) => ({
                content: formatPounds(o.values[band]?.[region] ?? 0),
                numeric: true,
              })),
            ),
          ]),
        })}
        ${
          canManageValueBank(actor)
            ? html`<h2 class="govuk-heading-m">Import a value bank</h2>
          <p class="govuk-body">A CSV file in the format in Kith's documentation (docs/impact-value-bank.md), for example your licensed HACT values. Nothing is saved unless every line is right.</p>
          <form method="post" action="/impact/value-bank" enctype="multipart/form-data" novalidate>${csrfField(c)}
            ${fileUpload({ name: "file", label: "Value bank CSV file", accept: ".csv,text/csv", error: errors.file })}
            ${textInput({ name: "name", label: "Name", error: errors.name })}
            ${textInput({ name: "source", label: "Source (shown beside every figure)", error: errors.source })}
            ${textInput({ name: "licence", label: "Licence", error: errors.licence })}
            ${textInput({ name: "priceYear", label: "Price year", width: 4, inputmode: "numeric", error: errors.priceYear })}
            ${button({ text: "Import value bank" })}
          </form>
          <form method="post" action="/impact/value-bank/open-default" novalidate>${csrfField(c)}${button({ text: "Use the open default bank (Green Book WELLBY)", classes: "govuk-button--secondary" })}</form>`
            : ""
        }`,
    });
  };

  app.get("/impact/value-bank", (c) => bankPage(c));
  app.post("/impact/value-bank", async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const text = (key: string) => (typeof body[key] === "string" ? String(body[key]).trim() : "");
    if (!(file instanceof File) || file.size === 0) return bankPage(c, { file: "Choose a CSV file" }, 422);
    try {
      await callForPage(c, importValueBank, actor, await file.text(), {
        name: text("name") || file.name,
        source: text("source"),
        licence: text("licence"),
        priceYear: Number(text("priceYear")),
      });
      return c.redirect("/impact/value-bank?done=imported", 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422) {
        const fileLines = Object.entries(error.fieldErrors ?? {}).filter(([key]) => key.startsWith("file."));
        const other = Object.fromEntries(
          Object.entries(error.fieldErrors ?? {}).filter(([key]) => !key.startsWith("file.")),
        );
        return bankPage(
          c,
          {
            ...other,
            ...(fileLines.length
              ? {
                  file: fileLines
                    .map(([, message]) => message)
                    .slice(0, 10)
                    .join(". "),
                }
              : {}),
          },
          422,
        );
      }
      throw error;
    }
  });
  app.post("/impact/value-bank/open-default", async (c) => {
    const actor = requireActor(c);
    await callForPage(c, installOpenDefaultBank, actor);
    return c.redirect("/impact/value-bank?done=installed", 303);
  });
  return app;
}
