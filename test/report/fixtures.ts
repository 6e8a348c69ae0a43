import { HEADER } from '../jtl/generate.js';

/** Labels and messages a JTL may carry that a careless page would execute. */
export const HOSTILE_LABELS = [
  '<script>alert(1)</script>',
  'GET /x</script><script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  'POST /tools/call "quoted", with comma',
] as const;
export const NORMAL_LABELS = ['GET /health', 'GET /tools', 'POST /rpc'] as const;
export const HOSTILE_MESSAGE = 'Assertion failed:\n</script><script>window.__pwned = 3</script>\n<b>not bold</b>';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * A small CSV JTL as JMeter writes it: every label gets samples over 30 s, one in ten fails (503 for GET /tools,
 * assertion failures elsewhere with a hostile multi-line message), and a transaction controller row now and then.
 */
export function hostileJtl(start = 1_795_000_000_000): string {
  const labels = [...NORMAL_LABELS, ...HOSTILE_LABELS];
  const lines = [HEADER];
  for (let i = 0; i < 1500; i++) {
    const t = start + i * 20;
    const label = labels[i % labels.length]!;
    const elapsed = 5 + ((i * 37) % 180);
    const failed = i % 10 === 3;
    const code = failed && label === 'GET /tools' ? '503' : '200';
    const message = code === '503' ? 'Service <Unavailable>' : 'OK';
    const failure = failed && code === '200' ? HOSTILE_MESSAGE : '';
    lines.push([t, elapsed, quote(label), code, quote(message), 'tg 1-1', 'text', !failed, quote(failure), 900 + (i % 100), 150, 1 + (i % 8), 1 + (i % 8), 'http://127.0.0.1:4444/x', Math.floor(elapsed / 2), 0, i % 4 === 0 ? 3 : 0].join(','));
    if (i % 25 === 24) {
      lines.push([t, elapsed + 10, 'journey', 200, quote('Number of samples in transaction : 2, number of failing samples : 0'), 'tg 1-1', '', true, '', 1800, 300, 8, 8, 'null', 0, 0, 0].join(','));
    }
  }
  return lines.join('\n') + '\n';
}
