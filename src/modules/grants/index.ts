// What other modules may use from grants: commands and queries only.
export { listGrants, grantsOverview } from "./queries/list-grants.ts";
export { getGrantDetail } from "./queries/grant-detail.ts";
export { listProgrammes } from "./queries/programmes.ts";
export { recordFundingChange } from "./commands/record-funding-change.ts";
export { registerChunks, newRegisterReport, type RegisterFormat, type RegisterReport } from "./register/export-register.ts";
export type { GrantAward, GrantProgramme } from "./schema.ts";
