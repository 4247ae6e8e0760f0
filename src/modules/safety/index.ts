// What other modules may use from community safety: commands and queries only.
export { openCase } from "./commands/open-case.ts";
export { submitReport } from "./commands/submit-report.ts";
export { annualReport } from "./queries/annual-report.ts";
export { hotSpots } from "./queries/hot-spots.ts";
export { type Nm01Report, nm01 } from "./queries/nm01.ts";
export { type OpenCasesByRiskRow, openCasesByRisk } from "./queries/open-cases-by-risk.ts";
export { casesInPlace } from "./queries/place-cases.ts";
export { repeatSummary } from "./queries/repeats.ts";
