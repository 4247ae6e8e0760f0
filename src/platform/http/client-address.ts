import { BlockList, isIP } from "node:net";
import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";
import { badRequest } from "./problem.ts";

/**
 * Which address a request came from, for per-address limits. The socket's peer is
 * the only address a client cannot forge. X-Forwarded-For is read only when that
 * peer is one of our own reverse proxies, and then from the right: each proxy
 * appends the address it saw, so the right-most entry not added by a trusted
 * proxy is the client. Entries further left were written by the client itself.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: string[]) {
    for (const entry of entries) {
      const [address, prefix] = entry.split("/");
      const plain = unmapped(address);
      const family = isIP(plain) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) this.list.addAddress(plain, family);
      else this.list.addSubnet(plain, Number(prefix), family);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 6 ? "ipv6" : "ipv4");
  }
}

/** "::ffff:192.0.2.1" (IPv4 on a dual-stack socket) is the IPv4 address 192.0.2.1. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** The client behind a socket peer and an X-Forwarded-For header, believing only trusted proxies. */
export function clientAddressFrom(
  peer: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  let client = unmapped(peer);
  if (!trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .reverse();
  for (const hop of hops) {
    // A hop that is not an address was written by someone we cannot believe: stop at the last proxy.
    if (isIP(unmapped(hop)) === 0) return client;
    client = unmapped(hop);
    if (!trusted.has(client)) return client;
  }
  return client;
}

const loopback = new TrustedProxies(["127.0.0.0/8", "::1"]);

/** 127.0.0.0/8 or ::1 (also written ::ffff:127.0.0.1): a client on this machine. */
export function isLoopback(address: string): boolean {
  return loopback.has(address);
}

const proxiesByList = new WeakMap<string[], TrustedProxies>();

function trustedProxiesOf(entries: string[]): TrustedProxies {
  let proxies = proxiesByList.get(entries);
  if (!proxies) {
    proxies = new TrustedProxies(entries);
    proxiesByList.set(entries, proxies);
  }
  return proxies;
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } } | undefined;

/**
 * The request's client address. Requests made without a socket (`app.request()` in
 * tests) have none: they get the services' explicit `addressWithoutSocket` or are
 * refused, so they are never silently merged into one shared bucket.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const services = c.get("services");
  const peer = (c.env as NodeBindings)?.incoming?.socket?.remoteAddress;
  if (!peer) {
    if (services.addressWithoutSocket) return services.addressWithoutSocket;
    throw badRequest(
      "Kith could not tell where this request came from",
      "The request reached Kith without a network connection, so it cannot be limited fairly.",
    );
  }
  return clientAddressFrom(
    peer,
    c.req.header("x-forwarded-for"),
    trustedProxiesOf(services.config.trustedProxies),
  );
}
