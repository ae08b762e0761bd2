/** Identifier and secret helpers shared by the modules (no I/O beyond the system's random source). */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new row id. */
export function newId(): string {
  return randomUUID();
}

/** A long random secret for links and tokens: 32 bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a high-entropy secret, hex; what the database keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
