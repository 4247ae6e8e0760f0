import type { KithModule } from "../module.ts";
import { safetyCli } from "./cli.ts";

export const safetyModule: KithModule = {
  name: "safety",
  cli: safetyCli,
};
