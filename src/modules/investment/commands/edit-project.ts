import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { lifeAnswersInput, theoryOfChangeInput } from "../edit-inputs.ts";
import { steeringMemberInput } from "../inputs.ts";
import { lifeRole } from "../life-model.ts";
import { canManageProjects } from "../policy.ts";
import { projectFunding, steeringMember } from "../schema.ts";
import { editProjectAudited, projectLineCommand, requireProject } from "./change-project.ts";
import { parseInput } from "./parse-input.ts";
import { resolveTheoryOfChange, theoryOfChangeColumns } from "./theory-of-change.ts";

const projectsOnly = "Only officers and managers can change projects.";

/** Rewrites a project's theory of change: its own text, or a template applied (copied) to it. */
export async function changeTheoryOfChange(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  input: unknown,
): Promise<void> {
  requireAllowed(canManageProjects(actor), projectsOnly);
  const value = parseInput(theoryOfChangeInput, input);
  await editProjectAudited(db, actor, now, projectId, async (tx, before) => {
    const { toc, indicatorCodes } = await resolveTheoryOfChange(tx, actor.organisationId, value);
    const after = {
      changeTemplateId: value.changeTemplateId,
      ...theoryOfChangeColumns(toc),
      indicatorCodes,
    };
    return {
      change: after,
      audit: {
        summary: value.changeTemplateId
          ? `Applied a theory of change template to ${before.name}`
          : `Changed the theory of change of ${before.name}`,
        before: {
          changeTemplateId: before.changeTemplateId,
          tocInputs: before.tocInputs,
          tocActivities: before.tocActivities,
          tocOutputs: before.tocOutputs,
          tocOutcomes: before.tocOutcomes,
          indicatorCodes: before.indicatorCodes,
        },
        after,
      },
    };
  });
}

/** Records new answers to the LIFE matrix; the role follows from them. */
export async function answerLifeMatrix(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  input: unknown,
): Promise<{ lifeRole: string }> {
  requireAllowed(canManageProjects(actor), projectsOnly);
  const value = parseInput(lifeAnswersInput, input);
  const role = lifeRole(value);
  await editProjectAudited(db, actor, now, projectId, (_tx, before) => ({
    change: {
      needAnswer: value.need,
      bestPlacedAnswer: value.bestPlaced,
      resourceAnswer: value.canResource,
      lifeRole: role,
    },
    audit: {
      summary: `Answered the LIFE matrix for ${before.name}: role ${before.lifeRole} → ${role}`,
      before: {
        need: before.needAnswer,
        bestPlaced: before.bestPlacedAnswer,
        canResource: before.resourceAnswer,
        lifeRole: before.lifeRole,
      },
      after: { ...value, lifeRole: role },
    },
  }));
  return { lifeRole: role };
}

export const addSteeringMember = projectLineCommand({
  refusal: projectsOnly,
  input: steeringMemberInput,
  entityType: "steering-member",
  insert: (tx, keys, value) => tx.insert(steeringMember).values({ ...keys, ...value }),
  summary: (value, name) =>
    `Added ${value.name} (${value.role}${value.localPerson ? ", local person" : ""}) to the steering group of ${name}`,
});

/** Removes one line of a project's detail (a steering group member or a funding line). */
async function removeProjectLine(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  lineId: string,
  line: { table: typeof steeringMember | typeof projectFunding; entityType: string; what: string },
): Promise<void> {
  requireAllowed(canManageProjects(actor), projectsOnly);
  await db.transaction(async (tx) => {
    const found = await requireProject(tx, actor.organisationId, projectId);
    if (!isUuid(lineId)) throw notFound(`${line.what} not found`);
    const removed = await tx
      .delete(line.table)
      .where(matchInOrganisation(line.table, actor.organisationId, { projectId, id: lineId }))
      .returning();
    if (removed.length === 0) throw notFound(`${line.what} not found`);
    await recordAudit(tx, actor, now, {
      action: "delete",
      entityType: line.entityType,
      entityId: lineId,
      summary: `Removed a ${line.what.toLowerCase()} from ${found.name}`,
      before: removed[0],
    });
  });
}

export function removeSteeringMember(db: Db, actor: Actor, now: Date, projectId: string, memberId: string) {
  return removeProjectLine(db, actor, now, projectId, memberId, {
    table: steeringMember,
    entityType: "steering-member",
    what: "Steering group member",
  });
}

export function removeFunding(db: Db, actor: Actor, now: Date, projectId: string, fundingId: string) {
  return removeProjectLine(db, actor, now, projectId, fundingId, {
    table: projectFunding,
    entityType: "project-funding",
    what: "Funding line",
  });
}
