import { budgetingModule } from "./budgeting/module.ts";
import { crowdfundingModule } from "./crowdfunding/module.ts";
import { engagementModule } from "./engagement/module.ts";
import { exchangeModule } from "./exchange/module.ts";
import { grantsModule } from "./grants/module.ts";
import { impactModule } from "./impact/module.ts";
import { investmentModule } from "./investment/module.ts";
import type { KithModule } from "./module.ts";
import { peopleModule } from "./people/module.ts";
import { placesModule } from "./places/module.ts";
import { safetyModule } from "./safety/module.ts";
import { volunteeringModule } from "./volunteering/module.ts";

/**
 * Every module, in dependency order: seeds run in this order, so a module's demo
 * data can use the records of the modules above it.
 */
export const modules: KithModule[] = [
  placesModule,
  peopleModule,
  safetyModule,
  investmentModule,
  impactModule,
  grantsModule,
  crowdfundingModule,
  exchangeModule,
  budgetingModule,
  volunteeringModule,
  engagementModule,
];
