import { attemptForForm, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { type SafeHtml, tag } from "../../../platform/ui/index.ts";
import type { PbProcess, Phase, ProposalStatus } from "../schema.ts";
import { votingState } from "../voting-window.ts";

export const phaseNames: Record<Phase, string> = {
  proposals: "Taking ideas",
  review: "Checking ideas",
  voting: "Voting open",
  results: "Results published",
};

/** The phase as a resident would read it today: a vote past its closing day says so. */
export function phaseTag(
  process: Pick<PbProcess, "phase" | "votingOpen" | "votingClose">,
  now: Date,
): SafeHtml {
  const phase = process.phase;
  if (votingState(process, now) === "closed-awaiting-count")
    return tag("Voting closed, count to come", "grey");
  const colour =
    phase === "voting" ? "green" : phase === "results" ? "grey" : phase === "review" ? "yellow" : "blue";
  return tag(phaseNames[phase], colour);
}

export function statusTag(status: ProposalStatus): SafeHtml {
  const text = {
    draft: "Draft",
    submitted: "Waiting for review",
    feasible: "Feasible",
    infeasible: "Not feasible",
  }[status];
  const colour =
    status === "feasible"
      ? "green"
      : status === "infeasible"
        ? "red"
        : status === "submitted"
          ? "yellow"
          : "grey";
  return tag(text, colour);
}

export const ruleNames: Record<PbProcess["rule"], string> = {
  greedy: "Greedy (most votes first)",
  mes: "Method of Equal Shares",
  phragmen: "Sequential Phragmén",
};

export const completionNames: Record<PbProcess["completion"], string> = {
  none: "None: money MES does not spend is left over",
  add1: "Add1: raise every voter's share by £1 until the outcome is exhaustive (as pabutools)",
  "add1-until-infeasible": "Add1 until infeasible: keep raising while the outcome fits (as Wieliczka 2023)",
};

export function ruleSummary(p: Pick<PbProcess, "rule" | "utility" | "completion" | "ballotKind">): string {
  if (p.ballotKind === "cumulative")
    return "Greedy by points (most points first, skipping what does not fit)";
  if (p.rule !== "mes") return ruleNames[p.rule];
  return `${ruleNames.mes}, ${p.utility} utilities, completion ${p.completion}`;
}

export const publicPath = (p: Pick<PbProcess, "organisationId" | "id">) => `/pb/${p.organisationId}/${p.id}`;
export const staffPath = (p: Pick<PbProcess, "id">) => `/budgeting/${p.id}`;

export { csrfField as csrf } from "../../../platform/http/form-commands.ts";

/** Runs a form action; a problem the person can fix re-renders the form, anything else propagates. */
export async function orFormErrors<T>(
  work: () => Promise<T>,
  rerender: (errors: Record<string, string>, status: FormErrorStatus) => Response,
): Promise<T | Response> {
  const result = await attemptForForm(work);
  return result.ok ? result.value : rerender(result.errors, result.status);
}
