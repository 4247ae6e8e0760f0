import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";

// No inline scripts or styles anywhere: the page layout loads /assets/kith/init.js and stylesheets only.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // A route serving an uploaded file (an organisation's SVG logo) sets a stricter policy of its own.
    if (!c.res.headers.has("Content-Security-Policy"))
      c.header("Content-Security-Policy", contentSecurityPolicy);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    if (!c.req.path.startsWith("/assets/")) {
      // Pages carry personal data: never let a shared cache or the back button keep them.
      c.header("Cache-Control", "no-store");
    }
  };
}
