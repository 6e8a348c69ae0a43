import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';

import { lintJmx } from '../../src/jmx/index.js';
import { KNOWN_GUI_CLASSES, KNOWN_TEST_CLASSES } from '../../src/jmx/known-classes.js';
// @ts-expect-error a plain .mjs script without type declarations
import { OUTPUT, renderKnownClasses } from '../../scripts/jmeter/known-classes.mjs';
import { renderAllPlans } from '../../src/plans/build.js';
import { jmeterHome } from './jmeter-home.js';

/** saveservice.properties maps short aliases (`HTTPSamplerProxy,HTTPSampler=…`) to class names. */
function aliases(home: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readFileSync(join(home, 'bin', 'saveservice.properties'), 'utf8').split('\n')) {
    const m = /^([\w,]+)=([a-z][\w.]*\.[A-Z][\w$]*)\s*$/.exec(line.trim());
    for (const name of m?.[1]?.split(',') ?? []) map.set(name, m?.[2] ?? '');
  }
  return map;
}

async function classesInJars(home: string): Promise<Set<string>> {
  const jars = ['lib', join('lib', 'ext')].flatMap((d) =>
    readdirSync(join(home, d)).filter((f) => f.endsWith('.jar')).map((f) => join(home, d, f)),
  );
  const out = new Set<string>();
  for (const jar of jars) {
    const { stdout } = await execa('unzip', ['-Z1', jar]);
    for (const entry of stdout.split('\n')) {
      if (entry.endsWith('.class')) out.add(entry.slice(0, -'.class'.length).replace(/\//g, '.'));
    }
  }
  return out;
}

describe('every testclass and guiclass exists in the installed JMeter and plugin jars', () => {
  let alias: Map<string, string>;
  let jarClasses: Set<string>;
  beforeAll(async () => {
    const home = jmeterHome();
    alias = aliases(home);
    jarClasses = await classesInJars(home);
  });

  const resolve = (name: string): string => alias.get(name) ?? name;

  it('the toolkit allowlist', () => {
    const missing = [...KNOWN_TEST_CLASSES, ...KNOWN_GUI_CLASSES].filter((c) => !jarClasses.has(resolve(c)));
    expect(missing).toEqual([]);
    expect(jarClasses.has('eu.luminis.jmeter.wssampler.OpenWebSocketSampler')).toBe(true);
  });

  it('the ten generated plans', () => {
    const used = new Set<string>();
    for (const f of renderAllPlans().filter((p) => p.path.endsWith('.jmx'))) {
      for (const m of f.content.matchAll(/(?:testclass|guiclass)="([^"]+)"/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((c) => !jarClasses.has(resolve(c)))).toEqual([]);
  });

  it('the generated class list is what the installed jars hold now (regenerate: node scripts/jmeter/known-classes.mjs <JMETER_HOME>)', () => {
    expect((renderKnownClasses as (home: string) => string)(jmeterHome())).toBe(readFileSync(OUTPUT as string, 'utf8'));
    for (const stock of ['TestAction', 'GaussianRandomTimer', 'JDBCSampler', 'LDAPSampler', 'FTPSampler', 'BeanShellSampler', 'Summariser', 'ProxyControl', 'RecordingController']) {
      expect(KNOWN_TEST_CLASSES, stock).toContain(stock);
    }
    expect(KNOWN_TEST_CLASSES).toContain('eu.luminis.jmeter.wssampler.PingFrameFilter');
  }, 120_000);

  it('lint knows every class of every template JMeter ships (bin/templates): only their GUI listeners are findings', () => {
    const dir = join(jmeterHome(), 'bin', 'templates');
    const templates = readdirSync(dir).filter((f) => f.endsWith('.jmx'));
    expect(templates.length).toBeGreaterThanOrEqual(15);
    for (const t of templates) {
      const findings = lintJmx(readFileSync(join(dir, t), 'utf8'));
      expect(findings.filter((f) => f.rule !== 'gui-listener'), t).toEqual([]);
    }
    expect(lintJmx(readFileSync(join(dir, 'BeanShellSampler.jmx'), 'utf8'))).toEqual([]);
  });

  it('would notice a class that does not exist', () => {
    expect(jarClasses.has(resolve('HTTPSamplerProxy'))).toBe(true);
    expect(jarClasses.has(resolve('NoSuchSampler'))).toBe(false);
  });
});
