import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Context, Hono } from "hono";
import type { Actor } from "../access/actor.ts";
import { requireAllowed } from "../access/policy.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { renderPage, requireActor } from "../http/render.ts";
import { button, checkboxes, fileUpload, html, insetText, type SafeHtml } from "../ui/index.ts";
import { CsvFileError, type CsvImportOptions, type CsvImportReport, describeProblems } from "./csv-import.ts";

export type UploadImport = {
  /** Where the page lives, e.g. /places/homes/import. */
  path: string;
  /** Plural noun, e.g. "homes". */
  what: string;
  backHref: string;
  /** The columns, shown on the page. */
  columnsHelp: SafeHtml;
  /** The CLI command for very large files. */
  cliCommand: string;
  /** The import's policy, checked on GET as well as POST so the form is never shown to someone refused. */
  mayImport: (actor: Actor) => boolean;
  run: (
    database: Database,
    actor: Actor,
    now: Date,
    file: string,
    options: CsvImportOptions,
  ) => Promise<CsvImportReport>;
};

/**
 * The upload page of a CSV import: every row is checked, nothing is imported if any
 * row is bad (unless the person chooses to skip bad rows), and every bad row is listed.
 */
export function uploadImportPages(spec: UploadImport): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const title = `Import ${spec.what}`;
  const page = (
    c: Context<AppEnv>,
    errors: Record<string, string> = {},
    status: 200 | 422 = 200,
    problems: string[] = [],
  ) => {
    requireAllowed(spec.mayImport(requireActor(c)), `You may not import ${spec.what}.`);
    return renderPage(c, {
      title,
      errors,
      status,
      backLink: spec.backHref,
      content: html`<h1 class="govuk-heading-l">${title}</h1>
        <p class="govuk-body">Upload a CSV file whose first row names the columns. ${spec.columnsHelp} Every row is checked first; if any row has a problem, nothing is imported unless you choose to skip bad rows.</p>
        ${problems.length ? html`<div class="govuk-inset-text"><h2 class="govuk-heading-s">Rows with problems</h2><ul class="govuk-list govuk-list--bullet">${problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ""}
        <form method="post" action="${spec.path}" enctype="multipart/form-data" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
          ${fileUpload({ name: "file", label: "CSV file", accept: ".csv,text/csv", error: errors.file })}
          ${checkboxes({ name: "skipBadRows", legend: { text: "Bad rows", classes: "govuk-fieldset__legend--s" }, items: [{ value: "yes", text: "Import the good rows and skip the bad ones" }] })}
          ${button({ text: title })}
        </form>
        ${insetText(`Very large files (a million rows or more) are better imported with the command line: ${spec.cliCommand}`)}`,
    });
  };

  app.get(spec.path, (c) => page(c));
  app.post(spec.path, async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return page(c, { file: "Choose a CSV file to upload" }, 422);
    if (!file.name.toLowerCase().endsWith(".csv"))
      return page(c, { file: "The file must be a CSV file" }, 422);
    const dir = await mkdtemp(path.join(tmpdir(), "kith-upload-"));
    try {
      const target = path.join(dir, "upload.csv");
      await writeFile(target, Buffer.from(await file.arrayBuffer()));
      const report = await spec.run(c.get("services").database, actor, c.get("now"), target, {
        skipBadRows: body.skipBadRows === "yes",
      });
      if (!report.committed) {
        return page(
          c,
          { file: `Nothing was imported: ${report.problemCount} rows have problems.` },
          422,
          describeProblems(report, 100),
        );
      }
      return renderPage(c, {
        title: `${spec.what.charAt(0).toUpperCase()}${spec.what.slice(1)} imported`,
        content: html`<h1 class="govuk-heading-l">${spec.what.charAt(0).toUpperCase()}${spec.what.slice(1)} imported</h1>
          <p class="govuk-body">${report.imported} ${spec.what} were imported${report.problemCount ? `; ${report.problemCount} bad rows were skipped` : ""}.</p>
          ${report.problemCount ? html`<ul class="govuk-list govuk-list--bullet">${describeProblems(report, 100).map((l) => html`<li>${l}</li>`)}</ul>` : ""}
          <p class="govuk-body"><a class="govuk-link" href="${spec.backHref}">Back to ${spec.what}</a></p>`,
      });
    } catch (error) {
      if (error instanceof CsvFileError) return page(c, { file: error.message }, 422);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return app;
}
