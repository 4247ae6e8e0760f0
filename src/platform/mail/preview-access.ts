import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { clientAddress, isLoopback } from "../http/client-address.ts";

// Decision 0009: the mail preview shows every queued email, reset and invitation links included,
// so by default only a browser on the machine running Kith may read it. Behind a trusted proxy the
// client address is the visitor's, not the proxy's, so a proxied request is not "local".

/** Whether this request may open /mail-preview (and so whether pages should link to it). */
export function mailPreviewOpen(c: Context<AppEnv>): boolean {
  const { config } = c.get("services");
  if (!config.mailPreview) return false;
  if (config.mailPreviewAnywhere) return true;
  try {
    return isLoopback(clientAddress(c));
  } catch {
    // A request with no address at all is not known to be local.
    return false;
  }
}
