/**
 * Turns repeated byte strings (labels, response codes) into one shared JS string without decoding them again:
 * a JTL has millions of rows but few distinct labels, so a table lookup beats a UTF-8 decode per row.
 */
const SLOTS = 4096;
/** Past this many distinct strings (unique URLs as labels, say), new ones are decoded every time. */
const MAX_ENTRIES = SLOTS / 2;

export class ByteInterner {
  private readonly keys: Array<Buffer | undefined> = new Array<Buffer | undefined>(SLOTS).fill(undefined);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  private entries = 0;

  intern(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    // A few sampled bytes make the hash: labels differ in their ends and middles, and the full compare follows.
    let hash = length;
    if (length > 0) {
      hash = Math.imul(hash ^ (buf[start] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[end - 1] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[start + (length >> 1)] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[start + (length >> 2)] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[end - 1 - (length >> 2)] as number), 0x01000193);
      if (length > 1) hash = Math.imul(hash ^ (buf[end - 2] as number), 0x01000193);
    }
    for (let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (key.length === length && sameBytes(key, buf, start)) return this.texts[slot] as string;
    }
    const text = buf.toString('utf8', start, end);
    if (this.entries < MAX_ENTRIES) this.add(hash, buf.subarray(start, end), text);
    return text;
  }

  private add(hash: number, bytes: Buffer, text: string): void {
    let slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    while (this.keys[slot] !== undefined) slot = (slot + 1) & (SLOTS - 1);
    this.keys[slot] = Buffer.from(bytes);
    this.texts[slot] = text;
    this.entries += 1;
  }
}

/** Labels are short: a JS loop beats a native compare call. */
function sameBytes(a: Buffer, b: Buffer, offset: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[offset + i]) return false;
  return true;
}
