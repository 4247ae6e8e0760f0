import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { openKithDatabase } from "./boot.ts";
import { modules } from "./modules/registry.ts";
import { loadSigningSecret } from "./platform/auth/secret.ts";
import { ConfigError, loadConfig } from "./platform/config/config.ts";
import { DatabaseLockedError } from "./platform/db/pglite-lock.ts";
import { runDueJobs, scheduleDailyJobs } from "./platform/jobs/jobs.ts";
import { ensureStylesheet } from "./platform/ui/brand/stylesheet.ts";

// config → database → jobs → app → listen
async function main(): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  // Rebuilds the stylesheet only if styles/ or a package changed since it was built (a hash check).
  await ensureStylesheet((message) => console.log(message));
  const database = await openKithDatabase(config, { log: (message) => console.log(message) });
  const signingSecret = await loadSigningSecret(database.db);
  const jobs = modules.flatMap((module) => module.jobs ?? []);
  const app = createApp({ database, config, signingSecret, clock: () => new Date() }, modules);

  let jobsRunning = false;
  const jobTimer = setInterval(async () => {
    if (jobsRunning) return;
    jobsRunning = true;
    try {
      await scheduleDailyJobs(database, jobs, new Date());
      await runDueJobs(database, jobs, new Date());
    } catch (error) {
      console.error("Background jobs failed:", error);
    } finally {
      jobsRunning = false;
    }
  }, 30_000);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Kith is running at http://localhost:${info.port} (${database.describe}; ready in ${seconds}s)`,
    );
    if (database.created && config.seedDemo) {
      console.log(
        "Demo sign-in: officer@demo.kith.example with password 'kith-demo-password' (see README for other roles).",
      );
    }
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing the server and the database…`);
    clearInterval(jobTimer);
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(error.message);
  } else {
    console.error("Kith could not start:", error);
  }
  process.exit(1);
});
