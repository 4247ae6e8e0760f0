import { testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { CaseInput } from "../commands/case-input.ts";
import { openCase } from "../commands/open-case.ts";
import { type ReportInput, submitReport } from "../commands/submit-report.ts";

// Test-only: most safety tests need "a case about this home" and care about one or two of its
// fields. The rest of the intake form is filled in the same way everywhere, so each test shows
// only what it is about.

/** What a test says about its case: at least the summary; the defaults fill in the rest. */
export type HomeCaseDetails = Partial<CaseInput> & { summary: string };

/**
 * Opens a case about `homeId` at the test clock through the real command: a noise case opened on
 * 1 June 2026 with one complainant, unless `details` says otherwise.
 */
export function openHomeCase(database: Database, actor: Actor, homeId: string, details: HomeCaseDetails) {
  return openCase(database.db, actor, testNow, {
    category: "noise",
    locationType: "home",
    homeId,
    openedOn: "2026-06-01",
    parties: [complainant("A")],
    ...details,
  });
}

/** A complainant known only by name. */
export function complainant(name: string) {
  return { role: "complainant" as const, name };
}

/** A tenant's report sent through the portal at the test clock, as the report journey sends it. */
export function submitPortalReport(database: Database, tenant: Actor, report: ReportInput) {
  return submitReport(database.db, tenant, testNow, report, "portal");
}
