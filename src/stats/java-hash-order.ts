/**
 * The iteration order of a java.util.HashMap<String, …> filled with `keys` in this order (default capacity 16, load
 * factor 0.75): by bucket of the spread String.hashCode, and in insertion order within a bucket (resizing keeps it).
 * JMeter's dashboard builds statistics.json from two such maps, so its key order is this one.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  return keys
    .map((key, index) => ({ key, index, bucket: spreadHash(key) & mask }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.key);
}

/** String.hashCode (over UTF-16 code units), then HashMap.hash's spreading of the high bits. */
function spreadHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return (h ^ (h >>> 16)) >>> 0;
}
