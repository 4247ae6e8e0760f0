import { newId } from "../../platform/db/ids.ts";
import { addDays } from "./domain/settings.ts";

/** The demo's preventative campaigns, reported in the annual report. */
export function demoCampaigns(organisationId: string, today: string, laCode: string | null, now: Date) {
  const campaign = (
    name: string,
    topic: string,
    area: string | null,
    startedAgo: number,
    endedAgo: number | null,
    peopleReached: number,
  ) => ({
    organisationId,
    id: newId(),
    name,
    topic,
    laCode: area,
    startedOn: addDays(today, -startedAgo),
    endedOn: endedAgo === null ? null : addDays(today, -endedAgo),
    peopleReached,
    createdAt: now,
  });
  return [
    campaign("Know your neighbour week", "Noise and good neighbour", laCode, 400, 393, 1240),
    campaign("Report it, don't dump it", "Fly-tipping", null, 200, 170, 3100),
    campaign("Hate hurts: how to report", "Hate incidents", null, 90, null, 860),
  ];
}
