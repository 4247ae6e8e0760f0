// What other modules may use from impact: queries only.

export { computeSocialValue, computeSroi, type SocialValueReport } from "./queries/social-value.ts";
