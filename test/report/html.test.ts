import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { DEFAULT_TEMPLATE_DIR } from '../../src/report/html.js';
import { writeReport } from '../../src/report/write.js';
import { HOSTILE_LABELS, hostileJtl } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-report-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jtl = join(dir, 'hostile.jtl');
writeFileSync(jtl, hostileJtl());

describe('index.html and report.json', () => {
  it('one self-contained file: chart.js, styles and data inlined, no reference to anything outside it', async () => {
    const r = await writeReport({ inputs: [jtl], outDir: join(dir, 'plain') });
    const html = readFileSync(r.html, 'utf8');
    expect(html).toContain('Chart.js v4.');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    // Exactly the page's own three script elements end: no label or message closes one early.
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    for (const label of HOSTILE_LABELS.filter((l) => l.includes('<'))) expect(html.includes(label), label).toBe(false);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const json = JSON.parse(readFileSync(r.json, 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.table.rows.map((row: { label: string }) => row.label)).toEqual(expect.arrayContaining([...HOSTILE_LABELS]));
    expect(r.htmlBytes).toBe(Buffer.byteLength(html));
  });

  it("--template: a team's copy of templates/ restyles and extends the page", async () => {
    const team = join(dir, 'team-templates');
    cpSync(DEFAULT_TEMPLATE_DIR, team, { recursive: true });
    writeFileSync(join(team, 'partials', 'headline.hbs'), '<section id="headline"><p class="team">Team headline for {{headline.plan}}</p></section>\n');
    writeFileSync(join(team, 'report.css'), readFileSync(join(team, 'report.css'), 'utf8') + '\n.team { color: rebeccapurple; }\n');
    const r = await writeReport({ inputs: [jtl], outDir: join(dir, 'team'), templateDir: team });
    const html = readFileSync(r.html, 'utf8');
    expect(html).toContain('<p class="team">Team headline for hostile.jtl</p>');
    expect(html).toContain('.team { color: rebeccapurple; }');
  });

  it('a template folder without report.hbs, or a partial that does not compile: REPORT_TEMPLATE naming the folder', async () => {
    const empty = join(dir, 'empty-templates');
    cpSync(DEFAULT_TEMPLATE_DIR, empty, { recursive: true });
    rmSync(join(empty, 'report.hbs'));
    await expect(writeReport({ inputs: [jtl], outDir: join(dir, 'x'), templateDir: empty })).rejects.toMatchObject({
      code: 'REPORT_TEMPLATE',
      message: `${join(empty, 'report.hbs')}: cannot read it; a template folder holds report.hbs, report.css, report.js and partials/*.hbs (copy templates/ and edit the copy)`,
    });
    const broken = join(dir, 'broken-templates');
    cpSync(DEFAULT_TEMPLATE_DIR, broken, { recursive: true });
    writeFileSync(join(broken, 'partials', 'errors.hbs'), '{{#each errors.groups}}never closed');
    await expect(writeReport({ inputs: [jtl], outDir: join(dir, 'y'), templateDir: broken })).rejects.toMatchObject({ code: 'REPORT_TEMPLATE', message: expect.stringMatching(new RegExp(`^${broken}: the templates do not render: `)) });
  });

  it('a gzipped JTL, or the JTL split in two files, gives the same report', async () => {
    const text = hostileJtl();
    const lines = text.trimEnd().split('\n');
    const gz = join(dir, 'hostile.jtl.gz');
    writeFileSync(gz, gzipSync(text));
    const [a, b] = [join(dir, 'part-a.jtl'), join(dir, 'part-b.jtl')];
    writeFileSync(a, lines.slice(0, 800).join('\n') + '\n');
    writeFileSync(b, [lines[0], ...lines.slice(800)].join('\n') + '\n');
    const [plain, zipped, split] = await Promise.all([
      writeReport({ inputs: [jtl], outDir: join(dir, 'same-plain') }),
      writeReport({ inputs: [gz], outDir: join(dir, 'same-gz') }),
      writeReport({ inputs: [a, b], outDir: join(dir, 'same-split') }),
    ]);
    for (const other of [zipped, split]) {
      expect(other.model.table).toEqual(plain.model.table);
      expect(other.model.charts).toEqual(plain.model.charts);
      expect(other.model.errors).toEqual(plain.model.errors);
    }
    expect(zipped.model.headline.files).toEqual([{ file: gz, format: 'csv.gz', samples: '1,560' }]);
  });

  it('bad input: no -o for a JTL, a folder that is not a run folder, a missing file', async () => {
    await expect(writeReport({ inputs: [jtl] })).rejects.toMatchObject({ code: 'REPORT_NO_OUTPUT' });
    await expect(writeReport({ inputs: [dir] })).rejects.toMatchObject({ code: 'REPORT_NO_INPUT', message: `${dir}: not a run folder (no results.jtl in it); give a folder written by \`jtl run\` or the JTL files` });
    await expect(writeReport({ inputs: [join(dir, 'nope.jtl')], outDir: dir })).rejects.toMatchObject({ code: 'REPORT_NO_INPUT', message: `${join(dir, 'nope.jtl')}: no such file or folder` });
  });
});
