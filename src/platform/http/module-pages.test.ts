import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./app-env.ts";
import { modulePages } from "./module-pages.ts";

const part = (path: string, text: string) => new Hono<AppEnv>().get(path, (c) => c.text(text));

describe("modulePages", () => {
  it("answers every part's routes", async () => {
    const pages = modulePages(part("/a", "first"), part("/b", "second"));
    expect(await (await pages.request("/a")).text()).toBe("first");
    expect(await (await pages.request("/b")).text()).toBe("second");
  });

  it("lets the part mounted first answer a path two parts could both match", async () => {
    const pages = modulePages(part("/grants/:id/budget", "budget"), part("/grants/:id/:section", "section"));
    expect(await (await pages.request("/grants/1/budget")).text()).toBe("budget");
    expect(await (await pages.request("/grants/1/contact")).text()).toBe("section");
  });
});
