// Prints: the cost of request logging and metrics on a bare route. Two Hono apps with Kith's
// security headers answer GET /bare in one server process: one plain, one with Kith's observeRequests
// middleware (pino JSON line per request written to /dev/null, histogram and counter).
// The load runs from this process, alternating the two in rounds so both see the same machine.
// Run: npx node bench/observability.ts [REQUESTS_PER_ROUND=4000] [ROUNDS=3] [CONCURRENCY=16]
import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { pino } from "pino";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { securityHeaders } from "../src/platform/http/security-headers.ts";
import { createLogger } from "../src/platform/observability/logger.ts";
import { observeRequests } from "../src/platform/observability/observe-requests.ts";

const root = path.resolve(import.meta.dirname, "..");

function bareApp(observed: boolean): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (observed)
    app.use(observeRequests(createLogger("info", pino.destination({ dest: "/dev/null", sync: true }))));
  // Kith sets its security headers on every response, so both apps pay for a full Response object.
  app.use(securityHeaders());
  app.get("/bare", (c) => c.text("ok"));
  return app;
}

function listen(app: Hono<AppEnv>): Promise<number> {
  return new Promise((resolve) =>
    serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port)),
  );
}

if (process.argv[2] === "serve") {
  const ports = { plain: await listen(bareApp(false)), observed: await listen(bareApp(true)) };
  process.stdout.write(`${JSON.stringify(ports)}\n`);
} else {
  const [perRound, rounds, concurrency] = [4000, 3, 16].map((fallback, i) =>
    Number(process.argv[2 + i] ?? fallback),
  );
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "bench", "observability.ts"), "serve"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const ports = await new Promise<{ plain: number; observed: number }>((resolve) =>
    server.stdout?.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()))),
  );

  async function round(port: number): Promise<{ latencies: number[]; seconds: number }> {
    const url = `http://127.0.0.1:${port}/bare`;
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < perRound) {
          const t = performance.now();
          const response = await fetch(url);
          await response.text();
          if (!response.ok) throw new Error(`status ${response.status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    return { latencies, seconds: (performance.now() - started) / 1000 };
  }

  const results = {
    plain: { latencies: [] as number[], seconds: 0 },
    observed: { latencies: [] as number[], seconds: 0 },
  };
  // Warm both up (JIT, connection pool) before measuring.
  await round(ports.plain);
  await round(ports.observed);
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 === 0 ? (["plain", "observed"] as const) : (["observed", "plain"] as const)) {
      const measured = await round(ports[kind]);
      results[kind].latencies.push(...measured.latencies);
      results[kind].seconds += measured.seconds;
    }
  }
  server.kill("SIGTERM");

  const summary = (kind: "plain" | "observed") => {
    const sorted = results[kind].latencies.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { p50: at(0.5), p99: at(0.99), rps: sorted.length / results[kind].seconds };
  };
  const plain = summary("plain");
  const observed = summary("observed");
  const line = (name: string, s: typeof plain) =>
    `  ${name.padEnd(28)} p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms   ${s.rps.toFixed(0)} req/s`;
  console.log(
    `Bare route, ${rounds} rounds × ${perRound} requests each, ${concurrency} concurrent (keep-alive):`,
  );
  console.log(line("without logging/metrics", plain));
  console.log(line("with logging + metrics", observed));
  console.log(
    `  ratio (with / without): throughput ${(observed.rps / plain.rps).toFixed(3)}, p50 ${(observed.p50 / plain.p50).toFixed(3)}, p99 ${(observed.p99 / plain.p99).toFixed(3)}`,
  );
  console.log(
    `  load average: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
}
