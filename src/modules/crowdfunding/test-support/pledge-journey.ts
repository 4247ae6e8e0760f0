import { expect } from "vitest";
import { testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Organisation } from "../../../platform/access/organisations.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { FundInput } from "../commands/create-fund.ts";
import { type TestBrowser, textOf } from "./http-client.ts";
import { liveCampaign } from "./live-campaign.ts";

// Shared by the page tests: a campaign people can back, and a pledge made the way a person would.

/**
 * The council's match fund the crowdfunding tests share: own money, half of a campaign up to £5,000,
 * and at most 65% of the target from all funds together. Each test says its own backers and scoring.
 */
export function councilMatchFundInput(
  rules: Pick<FundInput, "name" | "minBackers" | "criteria" | "passMark">,
): FundInput {
  return {
    funderName: "Medway Council",
    isOwnMoney: true,
    budgetPence: 5_000_000,
    maxShareBp: 5000,
    maxAmountPence: 500_000,
    combinedCapBp: 6500,
    ...rules,
  };
}

/** A community group's garden campaign as the access and reference tests send it: £8,000, one budget line. */
export function gardenCampaignInput(groupId: string, groupName: string) {
  return {
    groupId,
    groupName,
    title: "Westfield community garden",
    summary: "Raised beds and a tool shed",
    story: "We want to turn the empty corner into a garden.",
    communityBenefit: "Open to every resident.",
    targetPence: 800_000,
    deadline: "2026-07-15",
    location: "Westfield estate, Chatham",
    budgetLines: [{ description: "Raised beds", amountPence: 800_000 }],
  };
}

/** An approved, live campaign with one reward tier, made by the system actor. */
export async function launchCampaign(
  database: Database,
  organisation: Organisation,
  title: string,
  targetPence: number,
) {
  return liveCampaign(database.db, systemActor(organisation.id), testNow, {
    groupName: "Hoo Repair Café",
    title,
    summary: "Tools for a monthly repair café",
    story: "Neighbours fixing things together.",
    communityBenefit: "Less waste, more skills.",
    targetPence,
    deadline: "2026-07-10",
    location: "Hoo village hall",
    laCode: "E06000035",
    budgetLines: [{ description: "Tools", amountPence: targetPence }],
    rewardTiers: [{ title: "Sticker", description: "A repair café sticker", minPence: 500 }],
  });
}

/** A pledge through every public page without JavaScript; returns the confirmation page. */
export async function pledgeThroughPages(
  browser: TestBrowser,
  base: string,
  amount: string,
  name: string,
  email: string,
) {
  expect((await browser.get(`${base}/pledge`)).status).toBe(200);
  expect((await browser.post(`${base}/pledge`, { amount, reward: "none" })).location).toBe(
    `${base}/pledge/about-you`,
  );
  expect((await browser.post(`${base}/pledge/about-you`, { name, email })).location).toBe(
    `${base}/pledge/display`,
  );
  expect(
    (await browser.post(`${base}/pledge/display`, { show: "named", message: "Good luck" })).location,
  ).toBe(`${base}/pledge/check`);
  const check = await browser.get(`${base}/pledge/check`);
  expect(textOf(check.body)).toContain(email);
  const confirmed = await browser.post(`${base}/pledge/check`, {});
  expect(confirmed.status).toBe(303);
  return browser.get(confirmed.location ?? "");
}
