import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { openKithDatabase } from "./boot.ts";
import { modules } from "./modules/registry.ts";
import { loadSigningSecret } from "./platform/auth/secret.ts";
import { ConfigError, fallbackSender, loadConfig } from "./platform/config/config.ts";
import { assertNoDemoAccounts, assertProductionReady } from "./platform/config/production.ts";
import { DatabaseLockedError } from "./platform/db/pglite-lock.ts";
import { refreshPlannerStatistics } from "./platform/db/planner-statistics.ts";
import { installGracefulShutdown } from "./platform/http/graceful-shutdown.ts";
import { testOnlySlowRoute } from "./platform/http/test-only-slow-route.ts";
import { startIntervalWorker } from "./platform/jobs/interval-worker.ts";
import { startJobRunner } from "./platform/jobs/runner.ts";
import { loadJobRunnerSettings } from "./platform/jobs/settings.ts";
import { smtpTransport } from "./platform/mail/transport.ts";
import { startMailWorker } from "./platform/mail/worker.ts";
import { createLogger, type Logger } from "./platform/observability/logger.ts";
import { reportWorkerAlive } from "./platform/observability/readiness.ts";
import { ensureStylesheet } from "./platform/ui/brand/stylesheet.ts";

// The web server (started by main.ts). config → checks → database → jobs → app → listen
async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  assertProductionReady(config);
  const jobSettings = loadJobRunnerSettings();
  const started = performance.now();
  // Rebuilds the stylesheet only if styles/ or a package changed since it was built (a hash check).
  await ensureStylesheet((message) => logger.info(message));
  const database = await openKithDatabase(config, {
    log: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
  });
  try {
    await assertNoDemoAccounts(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const signingSecret = await loadSigningSecret(database.db, config.secret);
  const jobs = modules.flatMap((module) => module.jobs ?? []);
  const app = createApp({ database, config, signingSecret, clock: () => new Date(), logger }, modules);
  if (config.env !== "production" && process.env.KITH_TEST_SLOW_ROUTE === "true")
    app.route("/", testOnlySlowRoute());

  const jobRunner = startJobRunner({
    database,
    jobs,
    ...jobSettings,
    onJobFailed: ({ name, error, gaveUp }) => logger.error({ err: error, job: name, gaveUp }, "job failed"),
    onWorkerAlive: ({ at }) => reportWorkerAlive("jobs", at),
    onError: (error) => logger.error({ err: error }, "job runner error"),
  });
  const jobWorker = { name: "jobs", stop: () => jobRunner.stop(config.shutdownTimeoutMs) };

  // PGlite has no autovacuum: analyse what has grown since the last look (one catalogue query when nothing has).
  const statisticsWorker = startIntervalWorker({
    name: "planner-statistics",
    intervalMs: 10 * 60_000,
    logger,
    work: async () => {
      await refreshPlannerStatistics(database);
    },
  });

  // Without SMTP the mail stays in the outbox (shown on /mail-preview outside production).
  const mailDelivery = config.smtpUrl
    ? startMailWorker(database, smtpTransport(config.smtpUrl), {
        defaultSender: config.mailFrom ?? fallbackSender,
        onError: (error) => logger.error({ err: error }, "mail delivery failed"),
      })
    : null;
  const mailWorker = { name: "mail", stop: async () => mailDelivery?.stop() };

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      { port: info.port, host: config.host, database: database.describe, env: config.env },
      `Kith is running at http://localhost:${info.port} (${database.describe}; ready in ${seconds}s)`,
    );
    if (database.created && config.seedDemo) {
      logger.info(
        "Demo sign-in: officer@demo.kith.example with password 'kith-demo-password' (see README for other roles).",
      );
    }
  });

  // A taken port or an address this machine does not have: say so plainly and release the database.
  server.once("error", (error: NodeJS.ErrnoException) => {
    logger.fatal(
      { err: error },
      `Kith could not listen on ${config.host}:${config.port} (${error.code ?? error.message}): choose another PORT or HOST`,
    );
    void Promise.all([jobWorker.stop(), mailWorker.stop(), statisticsWorker.stop()])
      .then(() => database.close())
      .finally(() => process.exit(1));
  });

  installGracefulShutdown({
    server: server as Server,
    workers: [jobWorker, mailWorker, statisticsWorker],
    closeDatabase: () => database.close(),
    timeoutMs: config.shutdownTimeoutMs,
    logger,
  });
}

// Logs before the config is read (a bad KITH_LOG_LEVEL) still need somewhere to go.
const logger = createLogger("info");
main(logger).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    // A person is reading this at a terminal or in `systemctl status`: plain lines, one per problem.
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "Kith could not start");
  }
  process.exit(1);
});
