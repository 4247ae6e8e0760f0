import { brandOf } from "../brand/index.ts";
import type { Db } from "../db/database.ts";
import { mailBrand, type QueuedMail } from "./compose.ts";

/** The messages with their organisations' brands, each brand read once however many messages share it. */
export async function withBrands(db: Db, messages: QueuedMail[]): Promise<QueuedMail[]> {
  const ids = [...new Set(messages.map((message) => message.organisationId))];
  const brands = new Map(await Promise.all(ids.map(async (id) => [id, await brandOf(db, id)] as const)));
  return messages.map((message) => {
    const brand = brands.get(message.organisationId);
    return brand ? { ...message, brand: mailBrand(brand) } : message;
  });
}
