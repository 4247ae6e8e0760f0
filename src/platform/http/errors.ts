import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { html } from "../ui/html.ts";
import type { AppEnv } from "./app-env.ts";
import { Problem } from "./problem.ts";
import { renderPage } from "./render.ts";

function isApi(c: Context<AppEnv>): boolean {
  return (
    c.req.path.startsWith("/api/") || c.req.path.startsWith("/openreferral/") || c.get("viaApiToken") === true
  );
}

/**
 * The driver's error may be wrapped (Drizzle puts the PostgreSQL error in `cause`),
 * so the SQLSTATE is looked for down the chain rather than only on the top error.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Integrity and data errors mean the input broke a rule we should have caught earlier; say so plainly. */
function databaseProblem(code: string | undefined): Problem | undefined {
  if (code === undefined) return undefined;
  if (code === "23505") {
    return new Problem(
      409,
      "conflict",
      "That record already exists",
      "A record with the same identifier already exists.",
    );
  }
  if (code === "23503") {
    return new Problem(
      422,
      "validation-failed",
      "A linked record does not exist",
      "Check the records this one refers to.",
    );
  }
  // 22xxx are data exceptions (bad text, out-of-range numbers or dates); 23502/23514 are broken column rules.
  if (code.startsWith("22") || code === "23502" || code === "23514") {
    return new Problem(
      422,
      "validation-failed",
      "There is a problem with what you entered",
      "One of the values is not allowed or is out of range.",
    );
  }
  return undefined;
}

/** Anything thrown becomes a Problem: a 4xx a person can act on; a 500 only for our own bugs. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return new Problem(413, "too-large", "The file is too large", "Upload a smaller file.");
    }
    return new Problem(
      error.status,
      "bad-request",
      "The request could not be read",
      error.message || "Check what you sent.",
    );
  }
  if (error instanceof SyntaxError) {
    return new Problem(400, "bad-request", "The request could not be read", "The body is not valid JSON.");
  }
  const mapped = databaseProblem(databaseErrorCode(error));
  if (mapped) return mapped;
  return new Problem(
    500,
    "internal",
    "Sorry, there is a problem with the service",
    "Try again later. The problem has been logged.",
  );
}

export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const problem = toProblem(error);
  const requestId = c.get("requestId");
  if (problem.status >= 500) c.get("log")?.error({ err: error }, "request failed");
  if (isApi(c)) {
    return c.body(JSON.stringify(problem.toJson(c.req.path)), problem.status as 500, {
      "Content-Type": "application/problem+json",
    });
  }
  if (problem.status === 401) {
    const next = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""));
    return c.redirect(`/sign-in?next=${next}`, 303);
  }
  return renderPage(c, {
    title: problem.status === 404 ? "Page not found" : problem.title,
    status: problem.status as 400,
    content: html`<h1 class="govuk-heading-l">${problem.status === 404 ? "Page not found" : problem.title}</h1>
      <p class="govuk-body">${problem.detail}</p>
      ${problem.status >= 500 && requestId ? html`<p class="govuk-body">If you contact us about this, quote this reference: <strong>${requestId}</strong></p>` : ""}
      ${
        problem.fieldErrors
          ? html`<ul class="govuk-list govuk-list--bullet">${Object.values(problem.fieldErrors).map((m) => html`<li>${m}</li>`)}</ul>`
          : ""
      }
      <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>`,
  });
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return handleError(
    new Problem(404, "not-found", "Page not found", "If you typed the web address, check it is correct."),
    c,
  );
}
