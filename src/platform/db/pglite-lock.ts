import { open, readFile, rm } from "node:fs/promises";

export type DataDirLock = { release(): Promise<void> };

export class DatabaseLockedError extends Error {}

// Locks this process holds: a lock file naming our own pid is ours only if it is in here
// (in a container a restarted server can get the same pid as the one that crashed).
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is single-process: two processes writing one data directory corrupt it.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export async function acquireLock(lockPath: string): Promise<DataDirLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockPath);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(lockPath);
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      const ownedByLiveProcess =
        owner === process.pid
          ? heldHere.has(lockPath)
          : Number.isInteger(owner) && owner > 0 && isRunning(owner);
      if (ownedByLiveProcess) {
        throw new DatabaseLockedError(
          `The database at ${lockPath.replace(/\.lock$/, "")} is in use by process ${owner}. ` +
            "Stop that process first (PGlite allows one process at a time), or set DATABASE_URL to use PostgreSQL.",
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not take the database lock ${lockPath}.`);
}
