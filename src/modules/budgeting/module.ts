import type { KithModule } from "../module.ts";
import { budgetingCli } from "./cli.ts";

export const budgetingModule: KithModule = {
  name: "budgeting",
  cli: budgetingCli,
};
