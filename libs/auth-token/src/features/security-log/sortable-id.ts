import { randomBytes } from 'node:crypto';

let sequence = 0;

/**
 * A 36-character id that sorts in the order the entries were made: the time in milliseconds, a sequence number of
 * this process (entries of the same millisecond), and random bits (other instances).
 */
export function sortableId(at: Date): string {
  sequence = (sequence + 1) % 0x1000000;
  const time = Math.max(0, at.getTime()).toString(16).padStart(12, '0');
  return `${time}-${sequence.toString(16).padStart(6, '0')}-${randomBytes(8).toString('hex')}`;
}
