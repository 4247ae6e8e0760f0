import { budgetingModule } from "./budgeting/module.ts";
import type { KithModule } from "./module.ts";
import { engagementModule } from "./engagement/module.ts";
import { peopleModule } from "./people/module.ts";
import { placesModule } from "./places/module.ts";
import { volunteeringModule } from "./volunteering/module.ts";

/**
 * Every module, in dependency order: seeds run in this order, so a module's demo
 * data can use the records of the modules above it.
 */
export const modules: KithModule[] = [placesModule, peopleModule, budgetingModule, volunteeringModule, engagementModule];
