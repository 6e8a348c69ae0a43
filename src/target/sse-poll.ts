/**
 * When the gateway delivers a message posted to a legacy SSE session. ContextForge (CACHE_TYPE=database) does
 * not write the answer at once: the session's task polls the database, starting at POLL_INTERVAL after a
 * delivery, growing by BACKOFF_FACTOR while nothing comes, capped at MAX_INTERVAL, and takes one message per
 * poll. The stand-in computes the same schedule lazily (no timer while a stream is idle).
 */
export interface PollSettings {
  readonly intervalMs: number;
  readonly maxMs: number;
  readonly backoff: number;
}

/** The last poll and the sleep that follows it. */
export interface PollClock {
  readonly lastPollAt: number;
  readonly sleepMs: number;
}

const grow = (sleepMs: number, s: PollSettings): number => Math.min(sleepMs * s.backoff, s.maxMs);

/** A stream's first poll finds nothing, so the next one comes one grown interval later. */
export const pollStart = (openedAt: number, s: PollSettings): PollClock => ({ lastPollAt: openedAt, sleepMs: grow(s.intervalMs, s) });

/** After a poll that delivered, the next one comes POLL_INTERVAL later. */
export const afterDelivery = (pollAt: number, s: PollSettings): PollClock => ({ lastPollAt: pollAt, sleepMs: s.intervalMs });

/** The time of the first poll at or after `at` (a message posted at `at` is delivered then). */
export function nextPollAt(clock: PollClock, at: number, s: PollSettings): number {
  let { lastPollAt, sleepMs } = clock;
  while (lastPollAt + sleepMs < at) {
    // At the cap (or with no growth) the polls are evenly spaced: jump to the first one at or after `at`.
    if (sleepMs >= s.maxMs || s.backoff <= 1) return lastPollAt + Math.ceil((at - lastPollAt) / sleepMs) * sleepMs;
    lastPollAt += sleepMs;
    sleepMs = grow(sleepMs, s);
  }
  return lastPollAt + sleepMs;
}
