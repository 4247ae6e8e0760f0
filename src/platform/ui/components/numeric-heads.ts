import type { TableHeadCell } from "./table.ts";

/**
 * Headers for a run of number columns (counts, money, percentages): GOV.UK right-aligns
 * them, and table() right-aligns the cells below to match.
 */
export function numericHeads(...texts: string[]): TableHeadCell[] {
  return texts.map((text) => ({ text, numeric: true }));
}
