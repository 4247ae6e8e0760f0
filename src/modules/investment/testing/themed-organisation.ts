import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Db } from "../../../platform/db/database.ts";
import { createProject } from "../commands/create-project.ts";
import { createTheme } from "../commands/define-strategy.ts";
import { registerParticipant } from "../commands/register-participant.ts";

/**
 * For the figures' property tests: a new organisation (so runs never see each other's rows) with
 * these themes, one active project per entry of `projects`, and one participant per entry of
 * `tenants` (tenant or not), all in `laCode`.
 */
export async function makeThemedOrganisation(
  db: Db,
  name: string,
  setup: {
    themes: string[];
    projects: { themes: string[]; communityDevelopment: boolean }[];
    tenants: boolean[];
    laCode: string;
  },
) {
  const org = await makeOrganisation(db, name);
  const manager = actorFor(org.id, "manager");
  for (const code of setup.themes) await createTheme(db, manager, testNow, { code, name: code });
  const projectIds: string[] = [];
  for (const [i, p] of setup.projects.entries())
    projectIds.push(
      (
        await createProject(db, manager, testNow, {
          name: `Project ${i}`,
          kind: "project",
          stage: "active",
          themeCodes: p.themes,
          communityDevelopment: p.communityDevelopment,
          areas: [{ laCode: setup.laCode }],
          need: "yes",
          bestPlaced: "yes",
          canResource: "yes",
          theoryOfChange: { inputs: "i", activities: "a", outputs: "o", outcomes: "c" },
        })
      ).id,
    );
  const personIds: string[] = [];
  for (const [i, tenant] of setup.tenants.entries())
    personIds.push(
      (
        await registerParticipant(db, manager, testNow, {
          externalRef: `P${i}`,
          displayName: `Person ${i}`,
          tenant,
          laCode: setup.laCode,
        })
      ).id,
    );
  return { organisationId: org.id, manager, projectIds, personIds };
}
