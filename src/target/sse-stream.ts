import type { ServerResponse } from 'node:http';

import { afterDelivery, nextPollAt, pollStart, type PollClock, type PollSettings } from './sse-poll.js';

/** How a legacy SSE stream of the gateway sounds on the wire (defaults: scripts/gateway/gateway.env). */
export interface SseTiming {
  /** SSE_KEEPALIVE_INTERVAL: a `keepalive` event after this long without any event. */
  readonly keepaliveMs: number;
  /** sse_starlette's own `: ping - <time>` comment, every 15 s whatever else is sent (not a gateway setting). */
  readonly commentPingMs: number;
  /** POLL_INTERVAL, MAX_INTERVAL, BACKOFF_FACTOR: when a posted message's answer is delivered. */
  readonly poll: PollSettings;
}

const RETRY_MS = 5000;

export const sseFrame = (event: string, data: string): string => `event: ${event}\r\ndata: ${data}\r\nretry: ${RETRY_MS}\r\n\r\n`;

/** Python's str(datetime.now(timezone.utc)): `2026-12-02 08:41:59.570000+00:00` (no fraction when it is 0). */
export function pythonUtcNow(now: Date): string {
  const iso = now.toISOString();
  const ms = now.getUTCMilliseconds();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === 0 ? '' : `.${String(ms * 1000).padStart(6, '0')}`}+00:00`;
}

/**
 * One open stream: `endpoint` and a first `keepalive` at once, a `keepalive` after each quiet interval, the
 * comment pings, and the answers of posted messages at the gateway's poll times, one message per poll.
 */
export class SseStream {
  private clock: PollClock;
  /** Frames of the messages waiting for a poll, one entry per message (an initialize brings notifications). */
  private readonly queue: string[][] = [];
  private delivery: NodeJS.Timeout | undefined;
  private readonly keepalive: NodeJS.Timeout;
  private readonly commentPing: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly timing: SseTiming,
    private readonly timers: Set<NodeJS.Timeout>,
  ) {
    this.clock = pollStart(Date.now(), timing.poll);
    this.keepalive = setTimeout(() => this.sendKeepalive(), timing.keepaliveMs);
    this.commentPing = setInterval(() => res.write(`: ping - ${pythonUtcNow(new Date())}\r\n\r\n`), timing.commentPingMs);
    timers.add(this.keepalive).add(this.commentPing);
  }

  /** Queues the frames of one posted message for the next poll. */
  post(frames: readonly string[]): void {
    if (frames.length === 0) return;
    this.queue.push([...frames]);
    if (this.delivery === undefined) this.scheduleDelivery(nextPollAt(this.clock, Date.now(), this.timing.poll));
  }

  close(): void {
    for (const timer of [this.keepalive, this.commentPing, this.delivery]) {
      if (timer === undefined) continue;
      clearTimeout(timer);
      this.timers.delete(timer);
    }
  }

  private sendKeepalive(): void {
    this.res.write(sseFrame('keepalive', '{}'));
    this.keepalive.refresh();
  }

  private scheduleDelivery(pollAt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.delivery = undefined;
      this.deliver(pollAt);
    }, Math.max(0, pollAt - Date.now()));
    this.delivery = timer;
    this.timers.add(timer);
  }

  private deliver(pollAt: number): void {
    const frames = this.queue.shift();
    if (frames === undefined) return;
    this.res.write(frames.join(''));
    // The gateway waits SSE_KEEPALIVE_INTERVAL for the next message from here on.
    this.keepalive.refresh();
    this.clock = afterDelivery(pollAt, this.timing.poll);
    if (this.queue.length > 0) this.scheduleDelivery(this.clock.lastPollAt + this.clock.sleepMs);
  }
}
