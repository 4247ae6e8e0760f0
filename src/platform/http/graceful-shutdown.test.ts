import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { capturedLogger } from "../../../test/captured-logs.ts";
import { shutDown } from "./graceful-shutdown.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real HTTP server whose /slow answer takes `slowMs`. */
async function listen(slowMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    setTimeout(() => response.end(`done ${request.url}`), request.url === "/slow" ? slowMs : 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("graceful shutdown", () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.closeAllConnections();
  });

  it("finishes the request and the job in progress, then closes the database", async () => {
    const { server, url } = await listen(400);
    servers.push(server);
    const events: string[] = [];
    // A keep-alive connection that has already answered must not hold shutdown open.
    await fetch(`${url}/quick`).then((r) => r.text());
    const slow = fetch(`${url}/slow`).then(async (r) => {
      events.push("request finished");
      return r.text();
    });
    await pause(50);
    const stopping = shutDown(
      {
        server,
        workers: [
          {
            name: "jobs",
            stop: async () => {
              await pause(250);
              events.push("job finished");
            },
          },
        ],
        closeDatabase: async () => void events.push("database closed"),
        timeoutMs: 5000,
        logger: capturedLogger().logger,
      },
      "SIGTERM",
    );
    await pause(50);
    // No new connections once stopping has begun.
    await expect(fetch(`${url}/quick`)).rejects.toThrow();
    expect(await stopping).toBe("clean");
    expect(await slow).toBe("done /slow");
    expect(events).toEqual(["job finished", "request finished", "database closed"]);
  });

  it("cuts work off at the time limit, still closes the database, and says so", async () => {
    const { server, url } = await listen(10_000);
    servers.push(server);
    const slow = fetch(`${url}/slow`).then(
      () => "answered",
      () => "cut off",
    );
    await pause(50);
    const { logger, lines } = capturedLogger();
    let closed = false;
    const started = performance.now();
    const outcome = await shutDown(
      {
        server,
        workers: [{ name: "jobs", stop: () => new Promise(() => {}) }],
        closeDatabase: async () => {
          closed = true;
        },
        timeoutMs: 300,
        logger,
      },
      "SIGINT",
    );
    expect(outcome).toBe("timed-out");
    expect(performance.now() - started).toBeLessThan(5000);
    expect(closed).toBe(true);
    expect(await slow).toBe("cut off");
    expect(lines.map((line) => line.msg)).toContain(
      "shutdown time limit reached: cutting remaining connections and work",
    );
  });
});
