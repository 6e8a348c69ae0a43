/**
 * Turns repeated byte strings (labels, response codes) into one shared JS string without decoding them again:
 * a JTL has millions of rows but few distinct labels, so hashing the bytes beats a UTF-8 decode per row.
 */
export class ByteInterner {
  private readonly table = new Map<number, Array<{ readonly bytes: Buffer; readonly text: string }>>();

  intern(buf: Buffer, start: number, end: number, decode: () => string): string {
    let hash = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    const bucket = this.table.get(hash);
    if (bucket !== undefined) {
      for (const entry of bucket) {
        if (entry.bytes.length === end - start && sameBytes(entry.bytes, buf, start)) return entry.text;
      }
    }
    const text = decode();
    const entry = { bytes: Buffer.from(buf.subarray(start, end)), text };
    if (bucket === undefined) this.table.set(hash, [entry]);
    else if (bucket.length < 64) bucket.push(entry);
    return text;
  }
}

/** Labels are short: a JS loop beats a native compare call. */
function sameBytes(a: Buffer, b: Buffer, offset: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[offset + i]) return false;
  return true;
}
