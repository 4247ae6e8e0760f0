// What other modules may use from engagement.
export { listYouSaidWeDid } from "./queries/engagement.ts";
