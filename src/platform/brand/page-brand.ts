// Which organisation's brand a page is drawn in. Residents and partners who are signed in
// see their organisation's; anyone on a public page see the organisation the address names.
// Public addresses come from the modules' own public links (e.g. /volunteer/{slug}), so a
// module's new public page is branded without telling the platform about it.
import type { MiddlewareHandler } from "hono";
import { externalRoles } from "../access/actor.ts";
import type { AppEnv } from "../http/app-env.ts";
import type { PublicLinksFor } from "../http/static-pages.ts";
import { brandByIdOrSlug, brandOf } from "./brand-of.ts";

const idMarker = "\u0001id\u0001";
const slugMarker = "\u0001slug\u0001";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Patterns whose first group is the organisation's id or slug, from the modules' public links. */
export function publicAddressPatterns(publicLinksFor: PublicLinksFor): RegExp[] {
  const patterns = new Map<string, RegExp>();
  for (const link of publicLinksFor({ id: idMarker, slug: slugMarker })) {
    const at = Math.max(link.href.indexOf(idMarker), link.href.indexOf(slugMarker));
    if (at === -1) continue;
    const prefix = link.href.slice(0, at);
    patterns.set(prefix, new RegExp(`^${escapeRegExp(prefix)}([^/]+)(?:/|$)`));
  }
  return [...patterns.values()];
}

export function pageBrand(publicLinksFor: PublicLinksFor): MiddlewareHandler<AppEnv> {
  let patterns: RegExp[] | undefined;
  return async (c, next) => {
    patterns ??= publicAddressPatterns(publicLinksFor);
    const db = c.get("services").database.db;
    const actor = c.get("actor");
    const resident =
      actor?.kind === "user" && (externalRoles as readonly string[]).includes(actor.role) ? actor : undefined;
    if (resident) {
      c.set("brand", await brandOf(db, resident.organisationId));
    } else {
      for (const pattern of patterns) {
        const named = pattern.exec(c.req.path)?.[1];
        if (!named) continue;
        let idOrSlug: string;
        try {
          idOrSlug = decodeURIComponent(named);
        } catch {
          break;
        }
        c.set("brand", await brandByIdOrSlug(db, idOrSlug));
        break;
      }
    }
    await next();
  };
}
