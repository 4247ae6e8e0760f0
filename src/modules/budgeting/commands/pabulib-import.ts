import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { badRequest } from "../../../platform/http/problem.ts";
import { PabulibError, parsePabulib } from "../pabulib/parse.ts";
import { canManageProcesses } from "../policy.ts";
import { Rational } from "../rules/index.ts";
import { type BallotKind, pbBudget, pbProcess, pbProposal, pbResult } from "../schema.ts";
import { countVotes, resultRow } from "./count-votes.ts";

const chunk = 2000;
const ballotBatch = 20_000;

function minorUnits(amount: Rational, what: string): number {
  const scaled = amount.mul(Rational.of(100n));
  if (scaled.den !== 1n)
    throw badRequest("The file cannot be imported", `${what} has more than two decimal places.`);
  if (scaled.num <= 0n) throw badRequest("The file cannot be imported", `${what} must be more than zero.`);
  if (scaled.num > BigInt(Number.MAX_SAFE_INTEGER))
    throw badRequest("The file cannot be imported", `${what} is too large.`);
  return Number(scaled.num);
}

function dateOf(meta: Record<string, string>, key: string, fallback: string): string {
  const value = meta[key]?.trim() ?? "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const dmy = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : fallback;
}

/**
 * Creates a finished process from a pabulib file: its projects become feasible
 * proposals, its votes anonymous imported ballots, and the results are counted with the
 * rule given (greedy by default, as most pabulib files record). All or nothing.
 */
export async function importPabulib(
  db: Db,
  actor: Actor,
  now: Date,
  text: string,
  options: {
    rule?: "greedy" | "mes" | "phragmen";
    utility?: "cost" | "approval";
    completion?: "none" | "add1" | "add1-until-infeasible";
    title?: string;
  } = {},
): Promise<{ processId: string; projects: number; ballots: number }> {
  requireAllowed(canManageProcesses(actor), "Only officers can import a participatory budgeting file.");
  let election: ReturnType<typeof parsePabulib>;
  try {
    election = parsePabulib(text);
  } catch (error) {
    if (error instanceof PabulibError)
      throw badRequest(
        "The file cannot be imported",
        `Line ${error.line}: ${error.message.replace(/^line \d+: /, "")}`,
      );
    throw error;
  }
  const voteType = (election.meta.vote_type ?? "approval").trim();
  if (voteType !== "approval" && voteType !== "knapsack" && voteType !== "cumulative")
    throw badRequest(
      "The file cannot be imported",
      `Only approval, knapsack and cumulative (points) votes can be imported; this file has "${voteType}" votes.`,
    );
  const ballotKind: BallotKind = voteType;
  // Points per choice: the file's points for a cumulative vote, else 1 (an approval).
  const pointsOf = (i: number, k: number): number => election.points?.[i]?.[k] ?? 1;
  const mostPoints =
    election.points?.reduce(
      (most, b) =>
        Math.max(
          most,
          b.reduce((x, y) => x + y, 0),
        ),
      1,
    ) ?? 1;
  const budgetMinor = minorUnits(election.budget, "The budget");
  const costs = election.projects.map((p) => minorUnits(p.cost, `The cost of project "${p.id}"`));
  const today = londonDay(now);
  const start = dateOf(election.meta, "date_begin", today);
  // Dates are ISO strings, so the later of two is the larger string; a file whose end
  // comes before its start closes on its start day.
  const later = (a: string, b: string) => [a, b].sort()[1];
  const votingClose = later(start, dateOf(election.meta, "date_end", later(start, today)));
  const title =
    options.title ??
    ([election.meta.country, election.meta.unit, election.meta.subunit, election.meta.instance]
      .filter((v) => v?.trim())
      .join(" ") ||
      "Imported pabulib process");
  const org = actor.organisationId;
  const processId = newId(now.getTime());
  const budgetId = newId(now.getTime());
  const process = {
    organisationId: org,
    id: processId,
    title: title.slice(0, 150),
    summary: (election.meta.description ?? "").slice(0, 2000),
    areaKind: "all" as const,
    areaCode: null,
    eligibility: "residents" as const,
    minimumAge: Number.parseInt(election.meta.min_age ?? "", 10) || 0,
    ballotKind,
    minChoices: Number.parseInt(election.meta.min_length ?? "", 10) || null,
    maxChoices: Number.parseInt(election.meta.max_length ?? "", 10) || null,
    // Points ballots need the allowance each voter had: the file's, or the most anyone used.
    pointsTotal:
      ballotKind === "cumulative"
        ? Number.parseInt(election.meta.max_sum_points ?? "", 10) || mostPoints
        : null,
    // Points are always counted most points first (see countVotes).
    rule: ballotKind === "cumulative" ? ("greedy" as const) : (options.rule ?? "greedy"),
    utility: options.utility ?? "cost",
    completion: options.completion ?? "add1",
    tieBreaking: "lexicographic-project-id",
    phase: "results" as const,
    publishResults: "officer" as const,
    proposalsOpen: start,
    reviewOpen: start,
    votingOpen: start,
    votingClose,
    resultsDate: votingClose,
    source: "pabulib" as const,
    currency: (election.meta.currency ?? "GBP").trim().slice(0, 3).toUpperCase() || "GBP",
    pabulibMeta: election.meta,
    createdAt: now,
    updatedAt: now,
  };
  const proposalIds = new Map<string, string>();
  const proposals = election.projects.map((p, i) => {
    const id = newId(now.getTime());
    proposalIds.set(p.id, id);
    return {
      organisationId: org,
      id,
      processId,
      budgetId,
      reference: p.id,
      title: (p.name?.trim() || `Project ${p.id}`).slice(0, 300),
      description: "",
      location: "",
      category: p.category ?? "",
      estimatedCostPence: costs[i],
      finalCostPence: costs[i],
      status: "feasible" as const,
      createdAt: now,
      submittedAt: now,
      reviewedAt: now,
    };
  });
  const counted = countVotes(process, {
    budgetPence: budgetMinor,
    projects: election.projects.map((p, i) => ({ reference: p.id, costPence: costs[i] })),
    ballots: election.ballots.map((b, i) => new Map(b.map((id, k) => [id, pointsOf(i, k)]))),
  });
  await db.transaction(async (tx) => {
    await tx.insert(pbProcess).values(process);
    await tx.insert(pbBudget).values({
      organisationId: org,
      id: budgetId,
      processId,
      name: election.meta.subunit?.trim() || "Budget",
      amountPence: budgetMinor,
      position: 0,
    });
    for (let i = 0; i < proposals.length; i += chunk)
      await tx.insert(pbProposal).values(proposals.slice(i, i + chunk));
    // Tens of thousands of ballots: each batch goes in as one statement over uuid arrays
    // (one parameter each) rather than one bound parameter per column per row, which is
    // what made large imports slow. Ids are UUIDs, so the array literals need no escaping.
    const ballotIds = election.ballots.map(() => newId(now.getTime()));
    const stamp = now.toISOString();
    for (let i = 0; i < ballotIds.length; i += ballotBatch) {
      const part = ballotIds.slice(i, i + ballotBatch);
      await tx.execute(sql`
        INSERT INTO pb_ballot (organisation_id, id, process_id, budget_id, voter_key, person_id, channel, created_at, updated_at)
        SELECT ${org}::uuid, b.id, ${processId}::uuid, ${budgetId}::uuid, 'pabulib:' || (${i}::int + b.n), NULL, 'import', ${stamp}::timestamptz, ${stamp}::timestamptz
        FROM unnest(${`{${part.join(",")}}`}::uuid[]) WITH ORDINALITY AS b(id, n)`);
    }
    const choiceBallots: string[] = [];
    const choiceProposals: string[] = [];
    const choicePoints: number[] = [];
    election.ballots.forEach((ballot, i) => {
      for (const [k, ref] of ballot.entries()) {
        choiceBallots.push(ballotIds[i]);
        choiceProposals.push(proposalIds.get(ref) as string);
        choicePoints.push(pointsOf(i, k));
      }
    });
    const list = (values: readonly (string | number)[], from: number) =>
      `{${values.slice(from, from + ballotBatch).join(",")}}`;
    for (let i = 0; i < choiceBallots.length; i += ballotBatch) {
      await tx.execute(sql`
        INSERT INTO pb_ballot_choice (organisation_id, ballot_id, proposal_id, points)
        SELECT ${org}::uuid, c.ballot_id, c.proposal_id, c.points
        FROM unnest(${list(choiceBallots, i)}::uuid[], ${list(choiceProposals, i)}::uuid[], ${list(choicePoints, i)}::int[]) AS c(ballot_id, proposal_id, points)`);
    }
    await tx.insert(pbResult).values(resultRow(process, budgetId, counted, ballotIds.length, now));
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "pb_process",
      entityId: processId,
      summary: `Imported "${process.title}" from a pabulib file (${proposals.length} projects, ${ballotIds.length} votes)`,
    });
  });
  return { processId, projects: proposals.length, ballots: election.ballots.length };
}
