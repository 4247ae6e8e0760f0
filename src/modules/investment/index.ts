// What other modules may use from community investment.

export { rebuildAttendanceSummary } from "./commands/attendance-summary.ts";
export { addFunding, moveProjectStage, recordSpend } from "./commands/change-project.ts";
export { createProject } from "./commands/create-project.ts";
export { createChangeTemplate, createIndicator, createTheme } from "./commands/define-strategy.ts";
export {
  completeFollowUp,
  type OutcomeClaimCheck,
  type OutcomeFile,
  recordOutcome,
} from "./commands/record-outcome.ts";
export { londonToday, recordAttendance, recordSession } from "./commands/record-session.ts";
export { registerParticipant } from "./commands/register-participant.ts";
export type {
  AttendanceInput,
  OutcomeInput,
  ParticipantInput,
  ProjectInput,
  SessionInput,
} from "./inputs.ts";
export { outcomeInput } from "./inputs.ts";
export { lifeRole, lifeRoleNames } from "./life-model.ts";
export {
  canManageProjects,
  canManageStrategy,
  canRecordDelivery,
  canViewParticipants,
  canViewPortfolio,
} from "./policy.ts";
export { type AssetUse, assetUse } from "./queries/asset-use.ts";
export { findParticipants, getParticipantOutcomes, getSession, listSessions } from "./queries/delivery.ts";
export { type DeliveryFigures, deliveryFigures } from "./queries/delivery-figures.ts";
export { type DirectoryService, directoryServices, directoryThemes } from "./queries/directory.ts";
export {
  type CommunityDevelopmentSessionRow,
  communityDevelopmentSessions,
  type FundingRecordRow,
  fundingRecords,
  type SpendLineRow,
  spendLines,
} from "./queries/figure-lines.ts";
export {
  activityByNeighbourhood,
  type ClaimFactsTuple,
  type ClaimRow,
  type ClaimTuple,
  caseStories,
  claimsNear,
  type FigureFilter,
  monthlyTrend,
  reachFigures,
  surveyChange,
  valueClaimFacts,
  valueClaims,
} from "./queries/figures.ts";
export { type DueFollowUp, listDueFollowUps } from "./queries/follow-ups.ts";
export { type FundingFigures, fundingFigures, yearShares } from "./queries/funding-figures.ts";
export { getOutcomeFile, listOutcomeFiles } from "./queries/outcome-files.ts";
export {
  type FrameworkOutcome,
  listFrameworkOutcomes,
  listProjectChoices,
  type ProjectChoice,
} from "./queries/outcome-framework.ts";
export { projectsInPlace } from "./queries/place-projects.ts";
export {
  getProject,
  getStrategy,
  listChangeTemplates,
  listProjects,
  type ProjectDetail,
  type ProjectSummary,
} from "./queries/portfolio.ts";
export { lastTwelveMonths, projectSummary } from "./queries/project-summary.ts";
export { projectThemes } from "./queries/project-themes.ts";
export { reachByTheme, type ThemeReach } from "./queries/reach-by-theme.ts";
export { projectSroiInputs } from "./queries/sroi-inputs.ts";
export type { AttendanceRole, Community, Depth, Stage } from "./schema.ts";
export { communities, depths, stages } from "./schema.ts";
