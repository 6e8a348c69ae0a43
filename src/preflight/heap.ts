import type { HeapDecision, HeapSetting } from './types.js';

/** bin/jmeter's default when HEAP is unset: `-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m`. */
export const DEFAULT_HEAP_MB = 1024;

/** `-Xmx4g`, `-Xmx512m`, `-Xmx2048M`, `-Xmx1073741824` → MiB; the last -Xmx wins, as in the JVM. */
export function parseXmxMb(args: string): number | undefined {
  const all = [...args.matchAll(/(?:^|\s)-Xmx(\d+)([kKmMgGtT]?)(?=\s|$)/g)];
  const last = all.at(-1);
  if (!last) return undefined;
  const n = Number(last[1]);
  const unit = (last[2] ?? '').toLowerCase();
  const mb = unit === 'g' ? n * 1024 : unit === 't' ? n * 1024 * 1024 : unit === 'm' ? n : unit === 'k' ? n / 1024 : n / 1024 / 1024;
  return Math.floor(mb);
}

/** bin/jmeter puts $HEAP before $JVM_ARGS on the java command line, so an -Xmx in JVM_ARGS wins. */
export function heapSetting(env: Readonly<Record<string, string | undefined>>): HeapSetting {
  const fromJvmArgs = parseXmxMb(env['JVM_ARGS'] ?? '');
  if (fromJvmArgs !== undefined) return { xmxMb: fromJvmArgs, source: 'JVM_ARGS' };
  const heap = env['HEAP'];
  if (heap !== undefined && heap.trim() !== '') {
    // A HEAP without -Xmx leaves the JVM's own default (a quarter of RAM): not known here, so treat as the script's.
    return { xmxMb: parseXmxMb(heap) ?? DEFAULT_HEAP_MB, source: 'HEAP' };
  }
  return { xmxMb: DEFAULT_HEAP_MB, source: 'default' };
}

/**
 * Heap for a thread count: 512 MiB for JMeter itself plus 1 MiB per thread (samplers, results, buffers),
 * at least the script's 1 GiB, in steps of 256 MiB. A rule of thumb, stated in the table.
 */
export function recommendedHeapMb(threads: number | undefined): number {
  if (threads === undefined) return DEFAULT_HEAP_MB;
  return Math.max(DEFAULT_HEAP_MB, Math.ceil((512 + threads) / 256) * 256);
}

/** Below this a user-chosen heap fails the check: 128 MiB + 1 MiB per thread (a small heap suits a small run). */
export const minimumHeapMb = (threads: number | undefined): number => 128 + (threads ?? 0);

/** Raises the heap for a large thread count, only when the user set neither HEAP nor -Xmx in JVM_ARGS. */
export function decideHeap(env: Readonly<Record<string, string | undefined>>, threads: number | undefined): HeapDecision {
  const configured = heapSetting(env);
  const recommendedMb = recommendedHeapMb(threads);
  if (configured.source === 'default' && recommendedMb > configured.xmxMb) {
    return { configured, recommendedMb, effectiveMb: recommendedMb, raisedHeap: heapValue(recommendedMb) };
  }
  return { configured, recommendedMb, effectiveMb: configured.xmxMb };
}

/** The HEAP value bin/jmeter takes, with the script's other defaults kept. */
export const heapValue = (xmxMb: number): string => `-Xms1g -Xmx${formatMb(xmxMb)} -XX:MaxMetaspaceSize=256m`;

export const formatMb = (mb: number): string => (mb % 1024 === 0 ? `${mb / 1024}g` : `${mb}m`);
