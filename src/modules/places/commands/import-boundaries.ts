import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import {
  type BoundaryLevel,
  type BoundaryProblems,
  checkBoundaries,
  hasProblems,
  parseBoundaryText,
} from "../boundaries/read-boundaries.ts";
import { boundary, localAuthority, lsoa } from "../schema.ts";

/** The full England and Wales LSOA file (super-generalised) is tens of megabytes; 100 MB leaves room. */
export const maxBoundaryFileBytes = 100 * 1024 * 1024;
/** 0.0001° is about 7 m east–west and 11 m north–south: finer than any map Kith draws. */
export const defaultTolerance = 0.0001;

export type BoundaryImportReport =
  | { imported: number; level: BoundaryLevel; tolerance: number }
  | { refused: string; problems?: BoundaryProblems };

async function knownCodes(database: Database, level: BoundaryLevel): Promise<Set<string>> {
  if (level === "lad")
    return new Set(
      (await database.db.select({ code: localAuthority.gssCode }).from(localAuthority)).map((r) => r.code),
    );
  // 2021 LSOAs carry IoD 2025; 2011 LSOAs carry IoD 2019.
  const edition = level === "lsoa21" ? "iod2025" : "iod2019";
  return new Set(
    (await database.db.select({ code: lsoa.code }).from(lsoa).where(eq(lsoa.edition, edition))).map(
      (r) => r.code,
    ),
  );
}

/**
 * `kith import boundaries`: checks the whole file, then replaces the level's shapes in one
 * transaction, so a refused file leaves the previous shapes as they were. Shared reference
 * data, so no organisation owns it; only an operator with the CLI can run it.
 */
export async function importBoundaries(
  database: Database,
  now: Date,
  file: string,
  options: { level: BoundaryLevel; tolerance?: number; maxBytes?: number },
): Promise<BoundaryImportReport> {
  const tolerance = options.tolerance ?? defaultTolerance;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 0.01)
    return { refused: "The tolerance must be between 0 and 0.01 degrees (about 1 km)." };
  const limit = options.maxBytes ?? maxBoundaryFileBytes;
  const size = await stat(file).then(
    (info) => info.size,
    () => null,
  );
  if (size === null) return { refused: `There is no file ${file}.` };
  // Refuse before reading: a huge file would otherwise be held in memory whole.
  if (size > limit)
    return {
      refused: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${(limit / 1024 / 1024).toFixed(0)} MB. Use the generalised (BGC or BSC) file from the ONS Open Geography Portal.`,
    };
  let features: ReturnType<typeof parseBoundaryText>;
  try {
    features = parseBoundaryText(await readFile(file, "utf8"));
  } catch (error) {
    return { refused: (error as Error).message };
  }
  if (features.length === 0) return { refused: "The file holds no areas." };
  const { shapes, problems } = checkBoundaries(
    features,
    options.level,
    await knownCodes(database, options.level),
    tolerance,
  );
  if (hasProblems(problems))
    return { refused: problems.wrongProjection ?? "The file has problems; nothing was imported.", problems };
  const sourceFile = path.basename(file);
  await database.db.transaction(async (tx) => {
    await tx.delete(boundary).where(eq(boundary.level, options.level));
    // Batches keep each statement's parameter count well under PostgreSQL's limit.
    for (let start = 0; start < shapes.length; start += 500)
      await tx.insert(boundary).values(
        shapes.slice(start, start + 500).map((shape) => ({
          level: options.level,
          code: shape.code,
          name: shape.name,
          geometry: shape.geometry,
          tolerance,
          sourceFile,
          importedAt: now,
        })),
      );
  });
  return { imported: shapes.length, level: options.level, tolerance };
}
