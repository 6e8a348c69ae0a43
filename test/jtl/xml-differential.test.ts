import { describe, expect, it } from 'vitest';

import type { OpenedJtl } from '../../src/jtl/open.js';
import type { Sample } from '../../src/stats/sample.js';
import type { ReadIssues } from '../../src/jtl/sample.js';
import { readXmlJtl } from '../../src/jtl/xml-reader.js';
import { readXmlJtlWithSax } from '../../src/jtl/xml-sax-reader.js';
import { seededRandom } from '../../src/stats/random.js';

/** The bytes as an opened JTL whose chunks have random sizes (tags, texts and entities cut anywhere). */
function opened(text: string, random: () => number, maxChunk = 200): OpenedJtl {
  const bytes = Buffer.from(text);
  return {
    file: 'gen.xml', format: 'xml', gzip: false, encoding: 'utf8', sizeBytes: bytes.length,
    chunks: async function* () {
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * maxChunk);
        yield bytes.subarray(at, at + size);
        at += size;
      }
    },
  };
}

async function read(reader: typeof readXmlJtl, jtl: OpenedJtl): Promise<{ samples: Sample[]; skipped: number; tails: number }> {
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const samples: Sample[] = [];
  // Lines are where each reader sees the tag (sax: its end, the fast reader: its start); not compared.
  await reader(jtl, issues, (s) => samples.push({ ...s, line: undefined }));
  return { samples, skipped: issues.skippedCount, tails: issues.truncatedTails.length };
}

const LABEL_PARTS = ['GET /api', ' tools', '&amp;', '&amp;#65;', '&lt;x&gt;', '&quot;q&quot;', "it's", 'é', '日本', '/', '&#x1;', '&#10;', '>'];

function generate(random: () => number, samples: number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const label = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(LABEL_PARTS)).join('');
  const attributes = (ts: number, ok: boolean, controller: boolean) => {
    const pairs: Array<[string, string]> = [
      ['t', String(Math.floor(random() * 900))], ['it', '0'], ['lt', String(Math.floor(random() * 300))], ['ct', String(Math.floor(random() * 5))],
      ['ts', String(ts)], ['s', random() < 0.1 ? (ok ? 'TRUE' : 'False') : String(ok)], ['lb', label()], ['rc', ok ? '200' : pick(['500', '503', '200', 'Non HTTP response code: java.net.ConnectException'])],
      ['rm', controller ? 'Number of samples in transaction : 2, number of failing samples : 0' : ok ? 'OK' : 'Server &lt;Error&gt;'], ['tn', 'tg 1-1'],
      ['dt', 'text'], ['by', String(Math.floor(random() * 2000))], ['sby', '120'], ['ng', '2'], ['na', String(1 + Math.floor(random() * 8))],
    ];
    // Attribute order, quoting and spacing vary; some samples lack optional attributes, a few have a bad value.
    const kept = pairs.filter(([name]) => !['by', 'sby', 'lt', 'ct', 'na'].includes(name) || random() > 0.1);
    if (random() < 0.02) kept[kept.findIndex(([name]) => name === 'ts')]![1] = 'not-a-time';
    if (random() < 0.3) kept.sort(() => random() - 0.5);
    return kept.map(([k, v]) => (random() < 0.1 ? ` ${k} = '${v.replaceAll("'", '&apos;')}'` : ` ${k}="${v.replaceAll('"', '&quot;')}"`)).join(random() < 0.1 ? '\n   ' : '');
  };
  const assertion = (failing: boolean) =>
    `<assertionResult>\n  <name>shape</name>\n  <failure>${failing}</failure>\n  <error>false</error>\n${failing ? `  <failureMessage>${pick(['Expected &lt;200&gt; but was 500', 'no result &#x1; field', 'line one\nline two', 'x &amp; y'])}</failureMessage>\n` : ''}</assertionResult>\n`;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n';
  let ts = 1_795_000_000_000;
  for (let i = 0; i < samples; i++) {
    ts += Math.floor(random() * 20);
    const ok = random() > 0.15;
    if (random() < 0.05) out += '<!-- a comment with <httpSample t="1"/> inside -->\n';
    if (random() < 0.15) {
      // A transaction controller with sub-samples, one of them self-closing.
      out += `<sample${attributes(ts, ok, true)}>\n  <httpSample${attributes(ts, true, false)}/>\n  <httpSample${attributes(ts + 1, ok, false)}>\n${assertion(!ok)}  </httpSample>\n</sample>\n`;
      continue;
    }
    out += `<httpSample${attributes(ts, ok, false)}>\n${random() < 0.5 ? assertion(!ok) : ''}`;
    if (random() < 0.3) out += `  <responseData class="java.lang.String">{&quot;a&quot;: &lt;b&gt; ${'x'.repeat(Math.floor(random() * 300))}}</responseData>\n`;
    if (random() < 0.1) out += '  <responseData class="java.lang.String"><![CDATA[<not a tag> ]]></responseData>\n';
    out += `  <java.net.URL>http://127.0.0.1:4444/api?a=1&amp;b=2</java.net.URL>\n</httpSample>\n`;
  }
  return out + '</testResults>\n';
}

describe('the fast XML reader reads what sax reads', () => {
  it('on generated JTLs: attributes in any order and quoting, entities, sub-samples, assertions, comments, CDATA', async () => {
    let skipped = 0;
    let failureMessages = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const text = generate(seededRandom(seed), 120);
      const fast = await read(readXmlJtl, opened(text, seededRandom(seed + 100)));
      const reference = await read(readXmlJtlWithSax, opened(text, seededRandom(seed + 200)));
      expect(fast, `seed ${seed}`).toEqual(reference);
      expect(fast.samples.length).toBeGreaterThan(100);
      skipped += fast.skipped;
      failureMessages += fast.samples.filter((s) => s.failureMessage !== '').length;
    }
    // The generator's bad values and assertion messages did occur.
    expect(skipped).toBeGreaterThan(5);
    expect(failureMessages).toBeGreaterThan(100);
  });

  it('on the same files cut off anywhere (a killed run): the same samples, a truncated tail', async () => {
    let tails = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const text = generate(random, 40);
      const cut = text.slice(0, Math.floor(random() * text.length));
      const fast = await read(readXmlJtl, opened(cut, seededRandom(seed + 300)));
      const reference = await read(readXmlJtlWithSax, opened(cut, seededRandom(seed + 400)));
      expect(fast.samples, `seed ${seed}`).toEqual(reference.samples);
      expect(fast.skipped).toBe(reference.skipped);
      expect(fast.tails).toBe(reference.tails);
      tails += fast.tails;
    }
    expect(tails).toBeGreaterThan(15);
  });
});
