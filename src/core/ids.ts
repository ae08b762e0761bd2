/** Identifier and secret helpers shared by the modules (no I/O beyond the system's random source). */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new row id. */
export function newId(): string {
  return randomUUID();
}

let lastMs = -1;
let counter = 0;

/**
 * A row id that sorts by creation within this process: a UUIDv7 (RFC 9562) — 48 bits of the
 * instant `at` (ms), then a 12-bit counter that goes up for ids of the same millisecond, then 62
 * random bits. Where rows are listed by (instant, id), those made in one millisecond keep the order
 * they were made in (the audit log, newest first).
 */
export function newSortableId(at: number): string {
  const ms = Math.max(0, Math.floor(at));
  if (ms === lastMs) counter = (counter + 1) & 0xfff;
  else {
    lastMs = ms;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms % 2 ** 48, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A long random secret for links and tokens: 32 bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a high-entropy secret, hex; what the database keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
