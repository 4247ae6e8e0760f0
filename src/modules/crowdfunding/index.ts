// What other modules may use from crowdfunding.
export { createCampaign } from "./commands/create-campaign.ts";
export { makeMatchPledge } from "./commands/make-match-pledge.ts";
export { makePledge } from "./commands/make-pledge.ts";
export { type SettlementResult, settleCampaign } from "./commands/settle-campaign.ts";
export { penceField, poundsField, poundsToPence, shareOf } from "./money.ts";
export { type PaymentProvider, testPaymentProvider, usePaymentProvider } from "./payment-provider.ts";
export { getCampaign, listCampaigns } from "./queries/campaign-detail.ts";
export { crowdfundingReport } from "./queries/crowdfunding-report.ts";
export { campaignsInDistrict } from "./queries/place-campaigns.ts";
