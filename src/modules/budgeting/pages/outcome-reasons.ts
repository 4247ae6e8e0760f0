// Why each idea was or was not funded, in words a resident can follow. The count itself is
// exact and follows the reference library; this only reads its outcome back: the order of
// support, what the winners cost, and what was left. Ties in support are ordered as the
// count orders them (lower reference first), so the story matches the table beside it.
import type { PbProcess } from "../schema.ts";

export type IdeaForReason = { reference: string; title: string; costPence: number };
export type IdeaVerdict = {
  reference: string;
  title: string;
  funded: boolean;
  support: number;
  reason: string;
};

type Outcome = { votes: Record<string, number>; selected: readonly string[] };

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function explainOutcome(
  process: Pick<PbProcess, "rule" | "ballotKind">,
  budgetPence: number,
  ideas: IdeaForReason[],
  outcome: Outcome,
  money: (pence: number) => string,
): IdeaVerdict[] {
  const unit = process.ballotKind === "cumulative" ? "points" : "votes";
  const support = (idea: IdeaForReason) => outcome.votes[idea.reference] ?? 0;
  const ranked = [...ideas].sort(
    (a, b) => support(b) - support(a) || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  const selected = new Set(outcome.selected);
  const spent = ranked
    .filter((idea) => selected.has(idea.reference))
    .reduce((sum, idea) => sum + idea.costPence, 0);
  const left = budgetPence - spent;
  const greedy = process.rule === "greedy" || process.ballotKind === "cumulative";
  let spentBefore = 0;
  return ranked.map((idea, index) => {
    const n = support(idea);
    const place = `It had the ${index === 0 ? "most" : `${ordinal(index + 1)} most`} ${unit} (${n.toLocaleString("en-GB")})`;
    const remainingAtTurn = budgetPence - spentBefore;
    const funded = selected.has(idea.reference);
    if (funded) spentBefore += idea.costPence;
    const verdict = (reason: string) => ({
      reference: idea.reference,
      title: idea.title,
      funded,
      support: n,
      reason,
    });
    if (funded)
      return verdict(
        greedy
          ? `Funded. ${place}, and its cost of ${money(idea.costPence)} fitted in the ${money(remainingAtTurn)} left when its turn came.`
          : process.rule === "mes"
            ? `Funded. ${place}. Its supporters could pay its cost of ${money(idea.costPence)} from their equal shares of the budget.`
            : `Funded. ${place}. Its cost of ${money(idea.costPence)} could be shared among its supporters more evenly than the other ideas' costs.`,
      );
    if (n === 0) return verdict("Not funded. Nobody voted for it.");
    if (greedy)
      return verdict(
        `Not funded. ${place}, but by its turn the ideas with more ${unit} had used all but ${money(remainingAtTurn)} of the budget, and it costs ${money(idea.costPence)}.`,
      );
    if (idea.costPence > left)
      return verdict(
        `Not funded. ${place}, but it costs ${money(idea.costPence)}: more than the ${money(left)} left once the funded ideas were paid for.`,
      );
    return verdict(
      process.rule === "mes"
        ? `Not funded. ${place}, but its supporters had already spent most of their equal share of the budget on other ideas they backed, so together they could not pay its cost of ${money(idea.costPence)}. Funding it would have used money that belongs to people who did not vote for it.`
        : `Not funded. ${place}, but its supporters were already paying for other funded ideas, and the rule chose ideas that spread the cost more evenly among all voters.`,
    );
  });
}
