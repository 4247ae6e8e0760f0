import { stringify } from "csv-stringify/sync";

/** What a CSV cell may hold: null and undefined are written as an empty cell. */
export type CsvCell = string | number | bigint | boolean | null | undefined;

// Every export Kith writes goes through these options, so a file is safe and alike whichever
// module wrote it: RFC 4180 quoting with CRLF line ends, and escape_formulas, which prefixes a
// text cell starting with = + - @ tab or carriage return with ' so a spreadsheet shows it as
// text instead of running it (CSV injection). csv-stringify leaves numbers alone, so -3 stays
// a number a spreadsheet can add up.
const options = {
  escape_formulas: true,
  record_delimiter: "windows",
  // With CRLF line ends csv-stringify quotes only a cell holding the whole CRLF; a lone line
  // feed or carriage return would split the row in a spreadsheet, so those are quoted too.
  quoted_match: /[\r\n]/,
  // csv-stringify writes true as "1" and false as ""; Kith's files say true and false.
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** Rows as one CSV text, each line ending in CRLF. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    options,
  );
}

/** One CSV line ending in CRLF, for files streamed a page of rows at a time. */
export function csvLine(cells: readonly CsvCell[]): string {
  return csvText([cells]);
}

/** Whole pence as pounds for a money column: -1234 → -12.34, a number not text. */
export function poundsFromPence(pence: number): number {
  return pence / 100;
}
