import { randomFillSync } from "node:crypto";

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one each,
// which matters when an import makes a million of them.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomBytes16(): Buffer {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return bytes;
}

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Time-ordered ids keep B-tree inserts append-only and make ids sortable by creation.
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes16();
  bytes[0] = Math.floor(now / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(now / 2 ** 32) & 0xff;
  bytes[2] = (now >>> 24) & 0xff;
  bytes[3] = (now >>> 16) & 0xff;
  bytes[4] = (now >>> 8) & 0xff;
  bytes[5] = now & 0xff;
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive in URLs; anything that is not a UUID cannot name a record, so callers answer 404. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * SQL for a new UUID v7 stamped with the application's clock (`nowMs`, a bigint parameter such
 * as "$3::bigint"), for set-based inserts: the random v4 UUID gets the time in its first six
 * bytes and its version bits turned from 4 (0100) to 7 (0111), as newId does in JavaScript.
 */
export function newIdSql(nowMs: string): string {
  return `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(${nowMs}) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;
}
