import { readFile } from "node:fs/promises";
import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { proposePages } from "./propose-pages.ts";
import { publicPages } from "./public-pages.ts";
import { resultsPages } from "./results-page.ts";
import { staffPages } from "./staff-pages.ts";
import { voteCodePages } from "./vote-code-pages.ts";
import { votePages } from "./vote-pages.ts";
import { votingClosePage } from "./voting-close-page.ts";

const budgetBar = new URL("../assets/budget-bar.js", import.meta.url);

export function budgetingPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The ballot's progressive enhancement, served from this module (CSP allows only same-origin scripts).
  app.get("/budgeting/assets/budget-bar.js", async (c) =>
    c.body(await readFile(budgetBar), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    }),
  );
  staffPages(app);
  votingClosePage(app);
  voteCodePages(app);
  resultsPages(app);
  votePages(app);
  proposePages(app);
  publicPages(app);
  return app;
}
