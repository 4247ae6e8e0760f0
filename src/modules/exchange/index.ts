// What other modules may use from the social value exchange.

export { formatPoints, socialValuePoints } from "./points.ts";
export { getContract, listNeeds } from "./queries/exchange-queries.ts";
export { exchangeReport } from "./queries/exchange-report.ts";
