import { describe, expect, it } from "vitest";
import { explainOutcome, ordinal } from "./outcome-reasons.ts";

const pounds = (pence: number) => `£${(pence / 100).toLocaleString("en-GB")}`;
// Budget £1,000. Ideas by votes: A 9 (£600), B 7 (£500), C 5 (£300), D 0 (£100).
const ideas = [
  { reference: "1", title: "Swings", costPence: 60_000 },
  { reference: "2", title: "Benches", costPence: 50_000 },
  { reference: "3", title: "Bins", costPence: 30_000 },
  { reference: "4", title: "Bulbs", costPence: 10_000 },
];
const votes = { "1": 9, "2": 7, "3": 5, "4": 0 };

describe("why each idea was or was not funded", () => {
  it("tells a greedy count's story: the third idea fits what the first two left", () => {
    // Greedy: Swings (£600) leaves £400; Benches (£500) does not fit; Bins (£300) does.
    const verdicts = explainOutcome(
      { rule: "greedy", ballotKind: "approval" },
      100_000,
      ideas,
      { votes, selected: ["1", "3"] },
      pounds,
    );
    expect(verdicts.map((v) => [v.title, v.funded])).toEqual([
      ["Swings", true],
      ["Benches", false],
      ["Bins", true],
      ["Bulbs", false],
    ]);
    expect(verdicts[1].reason).toBe(
      "Not funded. It had the 2nd most votes (7), but by its turn the ideas with more votes had used all but £400 of the budget, and it costs £500.",
    );
    expect(verdicts[2].reason).toContain("fitted in the £400 left when its turn came");
    expect(verdicts[3].reason).toBe("Not funded. Nobody voted for it.");
  });

  it("gives an Equal Shares loser that would fit the money left the supporters' reason, and one that would not the money reason", () => {
    // Suppose MES funds Swings and Benches (£1,100 is over budget, so use a £1,200 budget): £100 is left.
    const verdicts = explainOutcome(
      { rule: "mes", ballotKind: "approval" },
      120_000,
      ideas,
      { votes, selected: ["1", "2"] },
      pounds,
    );
    const bins = verdicts.find((v) => v.title === "Bins");
    expect(bins?.reason).toBe(
      "Not funded. It had the 3rd most votes (5), but it costs £300: more than the £100 left once the funded ideas were paid for.",
    );
    const cheap = explainOutcome(
      { rule: "mes", ballotKind: "approval" },
      200_000,
      ideas,
      { votes, selected: ["1", "2"] },
      pounds,
    );
    expect(cheap.find((v) => v.title === "Bins")?.reason).toMatch(
      /its supporters had already spent most of their equal share/,
    );
  });

  it("counts points for points ballots and writes ordinals the English way", () => {
    const verdicts = explainOutcome(
      { rule: "greedy", ballotKind: "cumulative" },
      100_000,
      ideas,
      { votes, selected: ["1"] },
      pounds,
    );
    expect(verdicts[0].reason).toMatch(/^Funded\. It had the most points \(9\)/);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
  });
});
