import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("security settings", () => {
  it("builds links from KITH_PUBLIC_URL, defaulting to localhost on the configured port", () => {
    expect(loadConfig({ PORT: "4100" }).publicUrl).toBe("http://localhost:4100");
    expect(loadConfig({ KITH_PUBLIC_URL: "https://kith.example.org/" }).publicUrl).toBe(
      "https://kith.example.org",
    );
    expect(loadConfig({ KITH_PUBLIC_URL: "https://example.org/kith/" }).publicUrl).toBe(
      "https://example.org/kith",
    );
  });

  it("refuses a public URL that is not an http or https address", () => {
    expect(() => loadConfig({ KITH_PUBLIC_URL: "kith.example.org" })).toThrow(ConfigError);
    expect(() => loadConfig({ KITH_PUBLIC_URL: "ftp://kith.example.org" })).toThrow(/https:\/\//);
  });

  it("reads trusted proxies as addresses and CIDRs, IPv4 and IPv6", () => {
    expect(
      loadConfig({ KITH_TRUSTED_PROXIES: " 10.0.0.1, 192.168.0.0/16,fd00::/8 " }).trustedProxies,
    ).toEqual(["10.0.0.1", "192.168.0.0/16", "fd00::/8"]);
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });

  it("refuses a trusted proxy that is not an address or CIDR, naming it", () => {
    expect(() => loadConfig({ KITH_TRUSTED_PROXIES: "10.0.0.1, proxy.local" })).toThrow(/proxy\.local/);
    expect(() => loadConfig({ KITH_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(ConfigError);
    expect(() => loadConfig({ KITH_TRUSTED_PROXIES: "fd00::/129" })).toThrow(ConfigError);
  });
});
