import { describe, expect, it } from 'vitest';

import { startTarget, targetOptionsFromSettings } from '../../src/target/index.js';
import { afterDelivery, nextPollAt, pollStart } from '../../src/target/sse-poll.js';
import { pythonUtcNow } from '../../src/target/sse-stream.js';

/** The gateway's database poll of a legacy SSE session (POLL_INTERVAL 0.1 s, MAX_INTERVAL 0.5 s, BACKOFF_FACTOR 1.5). */
const GATEWAY_ENV = { intervalMs: 100, maxMs: 500, backoff: 1.5 };

describe('SSE message delivery at the poll times', () => {
  it('an idle stream polls at 150, 375, 712.5 ms after it opened, then every 500 ms', () => {
    const clock = pollStart(0, GATEWAY_ENV);
    expect(clock).toEqual({ lastPollAt: 0, sleepMs: 150 });
    expect(nextPollAt(clock, 10, GATEWAY_ENV)).toBe(150);
    expect(nextPollAt(clock, 150, GATEWAY_ENV)).toBe(150);
    expect(nextPollAt(clock, 151, GATEWAY_ENV)).toBe(375);
    expect(nextPollAt(clock, 376, GATEWAY_ENV)).toBe(712.5);
    expect(nextPollAt(clock, 713, GATEWAY_ENV)).toBe(1212.5);
    expect(nextPollAt(clock, 1213, GATEWAY_ENV)).toBe(1712.5);
    expect(nextPollAt(clock, 3_600_000, GATEWAY_ENV)).toBe(3_600_212.5);
  });

  it('after a delivery the next poll is POLL_INTERVAL later, then it grows again', () => {
    const clock = afterDelivery(1000, GATEWAY_ENV);
    expect(nextPollAt(clock, 1050, GATEWAY_ENV)).toBe(1100);
    expect(nextPollAt(clock, 1101, GATEWAY_ENV)).toBe(1250);
  });

  it('a backoff of 1 keeps the polls evenly spaced', () => {
    const even = { intervalMs: 100, maxMs: 500, backoff: 1 };
    expect(nextPollAt(pollStart(0, even), 1001, even)).toBe(1100);
  });

  it("prints the comment ping's time as Python's str(datetime.now(timezone.utc))", () => {
    expect(pythonUtcNow(new Date('2026-12-02T08:41:59.570Z'))).toBe('2026-12-02 08:41:59.570000+00:00');
    expect(pythonUtcNow(new Date('2026-12-02T08:42:00.000Z'))).toBe('2026-12-02 08:42:00+00:00');
  });
});

describe('stream settings by the gateway names', () => {
  it('maps the poll, keepalive and uvicorn ping settings to target options', () => {
    expect(
      targetOptionsFromSettings({
        SSE_KEEPALIVE_INTERVAL: '30',
        POLL_INTERVAL: '0.1',
        MAX_INTERVAL: '0.5',
        BACKOFF_FACTOR: '1.5',
        UVICORN_WS_PING_INTERVAL: '20',
        UVICORN_WS_PING_TIMEOUT: '0',
      }),
    ).toEqual({ sseKeepaliveMs: 30_000, ssePollIntervalMs: 100, ssePollMaxMs: 500, ssePollBackoff: 1.5, wsPingIntervalMs: 20_000, wsPingTimeoutMs: 0 });
  });

  it('refuses a backoff below 1 and a poll interval of 0, naming them', async () => {
    expect(() => targetOptionsFromSettings({ BACKOFF_FACTOR: '0.5' })).toThrow(/BACKOFF_FACTOR=0.5: expected a factor \(a number ≥ 1\)/);
    await expect(startTarget({ ssePollIntervalMs: 0, fastTimePort: null, fastTestPort: null })).rejects.toMatchObject({ code: 'TARGET_BAD_OPTION', message: expect.stringContaining('ssePollIntervalMs=0') });
  });
});
