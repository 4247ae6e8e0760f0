import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

let dir: string | undefined;

/** Writes rows (objects keyed by column) as a CSV file with every cell quoted; returns its path. */
export async function writeCsv(
  name: string,
  columns: string[],
  rows: Record<string, string>[],
): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), "kith-csv-file-"));
  const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = [columns.join(","), ...rows.map((row) => columns.map((c) => quoted(row[c] ?? "")).join(","))];
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}
