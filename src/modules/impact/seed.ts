import { systemActor } from "../../platform/access/actor.ts";
import type { SeedContext } from "../module.ts";
import { installOpenDefaultBank } from "./commands/import-value-bank.ts";
import { seedDirectory } from "./openreferral/seed.ts";

/** The demo organisation uses Kith's open default value bank (the demo outcomes use its codes). */
export async function seedImpact(context: SeedContext): Promise<void> {
  await installOpenDefaultBank(
    context.database.db,
    systemActor(context.organisationId, "Demo seed"),
    context.now,
  );
  await seedDirectory(context);
}
