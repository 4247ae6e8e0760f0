// What other modules may use from impact: queries only.

export { computeSocialValue, computeSroi, type SocialValueReport } from "./queries/social-value.ts";
export { valueOutcomeName, valueOutcomeNames } from "./queries/value-outcome-names.ts";
