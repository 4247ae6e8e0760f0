// What other modules may use from grants: commands and queries only.

export { recordFundingChange } from "./commands/record-funding-change.ts";
export { getGrantDetail } from "./queries/grant-detail.ts";
export { grantsOverview, listGrants } from "./queries/list-grants.ts";
export { grantsByDistrict, grantsInDistrict } from "./queries/place-grants.ts";
export { listProgrammes } from "./queries/programmes.ts";
export {
  newRegisterReport,
  type RegisterFormat,
  type RegisterReport,
  registerChunks,
} from "./register/export-register.ts";
export type { GrantAward, GrantProgramme } from "./schema.ts";
