import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { canManageProjects, createProject, getStrategy, type ProjectInput } from "../../investment/index.ts";
import { getLsoa, homesByLocalAuthority } from "../../places/index.ts";
import { formatMoney } from "../money.ts";
import { canManageProcesses } from "../policy.ts";
import { costOf, type ProcessWithBudgets } from "../queries/processes.ts";
import { getResults } from "../queries/results.ts";
import { type PbProposal, pbFundedProject, pbProcess } from "../schema.ts";

/**
 * Words that suggest which of the organisation's own investment themes a proposal
 * category belongs to. Themes are each organisation's choice, so this is a best guess
 * matched against the theme's code and name; an officer can change it on the project.
 */
const themeHints: Record<string, string[]> = {
  "Green spaces and environment": ["environment", "green", "climate", "place", "quality"],
  "Play and young people": ["young", "youth", "child", "play"],
  "Community safety": ["safe", "crime", "resilien"],
  "Health and wellbeing": ["health", "wellbeing"],
  "Community spaces and events": ["communit", "resilien"],
  "Streets and getting around": ["street", "transport", "travel", "place"],
};

function themeFor(category: string, themes: { code: string; name: string }[]): string {
  const hints = themeHints[category] ?? [];
  const match = themes.find((theme) =>
    hints.some((hint) => `${theme.code} ${theme.name}`.toLowerCase().includes(hint)),
  );
  // Strategy order puts the organisation's main theme first: the sensible default.
  return (match ?? themes[0]).code;
}

/** The local authorities a process covers, as the investment portfolio records areas. */
async function areasOf(db: Db, process: ProcessWithBudgets): Promise<ProjectInput["areas"]> {
  if (process.areaKind === "local-authority" && process.areaCode) return [{ laCode: process.areaCode }];
  if (process.areaKind === "neighbourhood" && process.areaCode) {
    const lsoa =
      (await getLsoa(db, "iod2025", process.areaCode)) ?? (await getLsoa(db, "iod2019", process.areaCode));
    if (lsoa) return [{ laCode: lsoa.ladCode, lsoa21Code: process.areaCode }];
  }
  // All homes, or an estate (a block name, not a code): the areas where the organisation has homes.
  const areas = await homesByLocalAuthority(db, process.organisationId);
  if (areas.length === 0)
    throw conflict(
      "We do not know where this process ran",
      "Add the organisation's homes (or run processes for a local authority) before creating projects.",
    );
  return areas.map((area) => ({ laCode: area.laCode }));
}

function projectFor(
  process: ProcessWithBudgets,
  budgetName: string,
  proposal: PbProposal,
  votes: number,
  themeCode: string,
  areas: ProjectInput["areas"],
  resultsPath: string,
): ProjectInput {
  const cost = costOf(proposal);
  const money = formatMoney(cost, process.currency);
  return {
    name: proposal.title,
    summary: `Chosen by residents in participatory budgeting: "${process.title}" (${budgetName}), proposal ${proposal.reference}, ${votes} votes. Results: ${resultsPath}\n\n${proposal.description}`,
    kind: "project",
    // Funded but not started: delivery dates and partners are the officer's next step.
    stage: "pipeline",
    themeCodes: [themeCode],
    areas,
    // Residents showed the need by voting for it; the money is already set aside.
    need: "yes",
    bestPlaced: "yes",
    canResource: "yes",
    theoryOfChange: {
      inputs: `${money} from the participatory budget "${process.title}" (${budgetName})`,
      activities: proposal.description || proposal.title,
      outputs: `${proposal.title}${proposal.location ? ` at ${proposal.location}` : ""}`,
      outcomes: "Residents see a priority they chose delivered in their area",
    },
    funding: [
      {
        source: `Participatory budgeting: ${process.title}`.slice(0, 200),
        kind: "internal",
        amountPence: cost,
        year: Number(process.resultsDate.slice(0, 4)),
        secured: true,
      },
    ],
  };
}

export type FundedProjects = { created: number; alreadyLinked: number };

/**
 * Turns every winner of a published process into a community investment project,
 * linked both ways (the link row here; the results address in the project summary).
 * Idempotent: the process row is locked and a winner that already has a project is
 * skipped, so a double click or a second run creates nothing twice.
 */
export async function createInvestmentProjects(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
): Promise<FundedProjects> {
  requireAllowed(
    canManageProcesses(actor) && canManageProjects(actor),
    "Only officers can turn funded proposals into projects.",
  );
  const { process, budgets } = await getResults(db, actor.organisationId, processId);
  if (process.phase !== "results")
    throw conflict("The results are not published yet", "Projects are created from published results.");
  const themes = await getStrategy(db, actor);
  if (themes.length === 0)
    throw conflict(
      "There are no investment themes",
      "Add at least one theme to the community investment strategy first.",
    );
  const areas = await areasOf(db, process);
  const resultsPath = `/pb/${process.organisationId}/${process.id}/results`;
  return db.transaction(async (tx) => {
    await tx
      .select({ id: pbProcess.id })
      .from(pbProcess)
      .where(matchInOrganisation(pbProcess, actor.organisationId, { id: process.id }))
      .for("update");
    const linked = new Set(
      (
        await tx
          .select({ proposalId: pbFundedProject.proposalId })
          .from(pbFundedProject)
          .where(matchInOrganisation(pbFundedProject, actor.organisationId, { processId: process.id }))
      ).map((row) => row.proposalId),
    );
    let created = 0;
    let alreadyLinked = 0;
    for (const { budget, proposals, result } of budgets) {
      if (!result) continue;
      const byReference = new Map(proposals.map((p) => [p.reference, p]));
      for (const reference of result.outcome.selected) {
        const proposal = byReference.get(reference);
        if (!proposal) continue;
        if (linked.has(proposal.id)) {
          alreadyLinked++;
          continue;
        }
        const input = projectFor(
          process,
          budget.name,
          proposal,
          result.outcome.votes[reference] ?? 0,
          themeFor(proposal.category, themes),
          areas,
          resultsPath,
        );
        const project = await createProject(tx, actor, now, input);
        await tx.insert(pbFundedProject).values({
          organisationId: actor.organisationId,
          proposalId: proposal.id,
          processId: process.id,
          projectId: project.id,
          createdAt: now,
        });
        created++;
      }
    }
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_process",
      entityId: process.id,
      summary: `Created ${created} community investment project${created === 1 ? "" : "s"} from the winners of "${process.title}"`,
      after: { created, alreadyLinked },
    });
    return { created, alreadyLinked };
  });
}
