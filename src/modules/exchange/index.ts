// What other modules may use from the social value exchange.
export { exchangeReport } from "./queries/exchange-report.ts";
export { getContract, listNeeds } from "./queries/exchange-queries.ts";
export { formatPoints, socialValuePoints } from "./points.ts";
