/**
 * Turns repeated byte strings (labels, response codes) into one shared JS string without decoding them again:
 * a JTL has millions of rows but few distinct labels, so a table lookup beats a UTF-8 decode per row.
 */
const SLOTS = 4096;
/** Past this many distinct strings (unique URLs as labels, say), new ones are decoded every time. */
const MAX_ENTRIES = SLOTS / 2;
/** Bytes kept of all the distinct strings together; beyond it, too, new ones are decoded every time. */
const POOL_BYTES = 1 << 20;

export class ByteInterner {
  // Open addressing over typed arrays: a slot's bytes live in the pool at offsets[slot], lengths[slot] long (-1: empty).
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly offsets = new Int32Array(SLOTS);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  private readonly pool = new Uint8Array(POOL_BYTES);
  private poolUsed = 0;
  private entries = 0;
  /** Set once sampled bytes prove a poor hash (labels that differ only where no byte is sampled, e.g. ids). */
  private hashAllBytes = false;

  private hash(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let hash = length;
    if (this.hashAllBytes) {
      for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    } else if (length > 0) {
      // A few sampled bytes make the hash: labels differ in their ends and middles, and the full compare follows.
      hash = Math.imul(hash ^ (buf[start] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[end - 1] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[start + (length >> 1)] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[start + (length >> 2)] as number), 0x01000193);
      hash = Math.imul(hash ^ (buf[end - 1 - (length >> 2)] as number), 0x01000193);
      if (length > 1) hash = Math.imul(hash ^ (buf[end - 2] as number), 0x01000193);
    }
    return (hash ^ (hash >>> 15)) & (SLOTS - 1);
  }

  /** Re-places every entry by the hash of all its bytes. */
  private rehashAllBytes(): void {
    this.hashAllBytes = true;
    const lengths = Int32Array.from(this.lengths);
    const offsets = Int32Array.from(this.offsets);
    const texts = [...this.texts];
    this.lengths.fill(-1);
    for (let old = 0; old < SLOTS; old++) {
      if (lengths[old] === -1) continue;
      let slot = this.hash(this.pool, offsets[old]!, offsets[old]! + lengths[old]!);
      while (this.lengths[slot] !== -1) slot = (slot + 1) & (SLOTS - 1);
      this.lengths[slot] = lengths[old]!;
      this.offsets[slot] = offsets[old]!;
      this.texts[slot] = texts[old]!;
    }
  }

  intern(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    const pool = this.pool;
    let slot = this.hash(buf, start, end);
    let probes = 0;
    for (; this.lengths[slot] !== -1; slot = (slot + 1) & (SLOTS - 1)) {
      if (++probes === 32 && !this.hashAllBytes) {
        this.rehashAllBytes();
        return this.intern(buf, start, end);
      }
      if (this.lengths[slot] !== length) continue;
      const offset = this.offsets[slot] as number;
      let i = 0;
      while (i < length && pool[offset + i] === buf[start + i]) i++;
      if (i === length) return this.texts[slot] as string;
    }
    const text = buf.toString('utf8', start, end);
    if (this.entries < MAX_ENTRIES && this.poolUsed + length <= POOL_BYTES) {
      pool.set(buf.subarray(start, end), this.poolUsed);
      this.lengths[slot] = length;
      this.offsets[slot] = this.poolUsed;
      this.texts[slot] = text;
      this.poolUsed += length;
      this.entries += 1;
    }
    return text;
  }
}
