import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { kithSetting } from "../db/platform-schema.ts";
import { newSecretToken } from "./tokens.ts";

/**
 * The key that signs CSRF tokens. It lives in the database so every server
 * process shares it; KITH_SECRET overrides it for operators who manage keys.
 */
export async function loadSigningSecret(db: Db, configured = process.env.KITH_SECRET): Promise<string> {
  if (configured) return configured;
  await db
    .insert(kithSetting)
    .values({ key: "signing-secret", value: newSecretToken() })
    .onConflictDoNothing();
  const [row] = await db.select().from(kithSetting).where(eq(kithSetting.key, "signing-secret"));
  if (!row) throw new Error("The signing secret could not be stored.");
  return row.value;
}
