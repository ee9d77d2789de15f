import { createHash } from 'node:crypto';

/** The sha256 of bytes or text, as 64 hex digits: every digest the project records or compares. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
