import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { renderAllPlans } from '../../src/plans/build.js';
import { jmeterHome } from './jmeter-home.js';

const script = fileURLToPath(new URL('./fixtures/gui-roundtrip.groovy', import.meta.url));

/**
 * Opens every element of the ten plans in its JMeter 5.6.3 GUI class (configure, then
 * modifyTestElement, as saving from the GUI does) and compares property names and types.
 * The one accepted difference: the WebSocket plugin's TLS checkbox cannot hold the
 * `${GW_WS_TLS}` expression derived from GATEWAY_URL, so the GUI would reset it to false.
 */
const dir = mkdtempSync(join(tmpdir(), 'roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plans open in the JMeter GUI classes and save back the same properties', () => {
  it('all ten plans and the every-element plan', async () => {
    const files = renderAllPlans()
      .filter((f) => f.path.endsWith('.jmx'))
      .map((f) => {
        writeFileSync(join(dir, f.path), f.content);
        return join(dir, f.path);
      });
    files.push(fileURLToPath(new URL('../golden/all-elements.jmx', import.meta.url)));
    const home = jmeterHome();
    const cp = [join(home, 'lib', '*'), join(home, 'lib', 'ext', '*'), join(home, 'bin')].join(':');
    const r = await execa('java', ['-Djava.awt.headless=true', '-cp', cp, 'groovy.ui.GroovyMain', script, home, ...files], {
      reject: false,
      timeout: 90_000,
    });
    const diffs = r.stdout.split('\n').filter((l) => l.includes(': plan='));
    const unexpected = diffs.filter((l) => !/WS connect \[eu\.luminis\.jmeter\.wssampler\.OpenWebSocketSamplerGui\] TLS: plan=StringProperty=\$\{GW_WS_TLS\}/.test(l));
    expect(r.stderr.split('\n').filter((l) => /Exception|ERROR/.test(l))).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(diffs).toHaveLength(1);
  }, 120_000);
});
