import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { planCatalogue } from '../../src/plans/catalogue.js';
import { repoRoot } from '../jmx/jmeter-home.js';

const read = (file: string): string => readFileSync(join(repoRoot, file), 'utf8');

describe('the repository documents its plans itself', () => {
  it('docs/plans.md lists every plan with the figures of its definition', () => {
    const rows = new Map(
      read('docs/plans.md')
        .split('\n')
        .filter((l) => /^\| `\w+` \|/.test(l))
        .map((l) => {
          const cells = l.split('|').map((c) => c.trim());
          return [cells[1]!.replace(/`/g, ''), { threads: cells[3]!, rampUp: cells[4]!, duration: cells[5]!, rate: cells[6]! }] as const;
        }),
    );
    expect([...rows.keys()]).toEqual(planCatalogue.map((p) => p.name));
    for (const p of planCatalogue) {
      const row = rows.get(p.name)!;
      const d = p.defaults;
      expect(row.threads.split(' ')[0], p.name).toBe(String(d.threads));
      expect(row.rampUp, p.name).toBe(`${d.rampUpS} s`);
      expect(row.duration, p.name).toBe(`${d.durationS} s`);
      expect(row.rate.split(' (')[0], p.name).toBe(d.targetRps === undefined ? '–' : `${d.targetRps} req/s`);
    }
  });

  it('README, docs and profiles point at nothing outside the repository and name no machine path', () => {
    const sections = readdirSync(join(repoRoot, 'properties', 'production')).map((f) => `properties/production/${f}`);
    expect(sections).toHaveLength(10);
    for (const file of ['README.md', 'docs/plans.md', 'properties/ci.properties', 'properties/production.properties', 'plans/PROPERTIES.md', ...sections]) {
      const text = read(file);
      expect(text, file).not.toMatch(/\.\.\/shared|\/work\/|\/home\/|\/tmp\//);
    }
    expect(read('README.md')).toContain('docs/plans.md');
  });
});
