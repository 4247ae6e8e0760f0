import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { agencySharingForms } from "./agency-sharing-forms.ts";
import { campaignPages } from "./campaign-pages.ts";
import { caseForms } from "./case-forms.ts";
import { caseListPages, personHistoryPage } from "./case-list-pages.ts";
import { casePages } from "./case-pages.ts";
import { configurationPages } from "./configuration-pages.ts";
import { newCasePages } from "./new-case-pages.ts";
import { partyAndStatusForms } from "./party-status-forms.ts";
import { portalPages } from "./portal-pages.ts";
import { reportJourney } from "./report-journey.ts";
import { reportPages } from "./report-pages.ts";
import { retentionPages } from "./retention-pages.ts";
import { riskMatrixPages } from "./risk-matrix-pages.ts";
import { settingsPages } from "./settings-pages.ts";
import { sharedCasePages } from "./shared-pages.ts";

export function safetyPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  caseListPages(app);
  personHistoryPage(app);
  newCasePages(app);
  casePages(app);
  caseForms(app);
  agencySharingForms(app);
  partyAndStatusForms(app);
  reportPages(app);
  retentionPages(app);
  settingsPages(app);
  configurationPages(app);
  riskMatrixPages(app);
  campaignPages(app);
  reportJourney(app);
  portalPages(app);
  sharedCasePages(app);
  return app;
}
