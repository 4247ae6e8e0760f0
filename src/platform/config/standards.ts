import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./config.ts";

/**
 * The published data standards (360Giving, Open Referral UK). The shared copy beside
 * the repository wins when it is there; otherwise the identical copy committed in
 * reference/standards, so checks also run on a machine with only the repository.
 */
export function standardsDirectory(...parts: string[]): string {
  const shared = path.join(projectRoot, "..", "shared", "standards", ...parts);
  return existsSync(shared) ? shared : path.join(projectRoot, "reference", "standards", ...parts);
}
