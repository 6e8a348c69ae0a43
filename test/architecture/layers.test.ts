import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The layers of src/ from the ground up, each with the layers it may import (all declared before it, so the
 * allowed directions cannot form a loop). A new folder must be placed here before its code can pass.
 */
const LAYERS: ReadonlyArray<readonly [layer: string, mayImport: readonly string[]]> = [
  ['errors', []],
  ['findings', []],
  // Pure math over its own types (Sample, LabelStats, LabelTable): nothing of the readers, runner, CLI or outputs.
  ['stats', ['errors']],
  ['jmx', ['errors']],
  ['plans', ['jmx', 'errors']],
  ['jtl', ['stats', 'errors']],
  ['target', ['stats', 'errors']],
  ['sla', ['jtl', 'stats', 'findings', 'errors']],
  ['compare', ['jtl', 'stats', 'findings', 'errors']],
  // The runner does not know the stand-in (target): the CLI starts it and hands the runner a ProvidedGateway.
  ['runner', ['plans', 'jtl', 'stats', 'findings', 'errors']],
  ['preflight', ['runner', 'plans', 'errors']],
  ['output', ['runner', 'plans', 'compare', 'findings', 'stats', 'errors']],
  ['report', ['output', 'runner', 'sla', 'compare', 'jtl', 'stats', 'findings', 'errors']],
  ['cli', ['report', 'output', 'preflight', 'runner', 'compare', 'sla', 'target', 'jtl', 'plans', 'jmx', 'stats', 'findings', 'errors']],
];

/** Every module specifier of a source text: static and type imports (one or many lines), re-exports, side-effect and dynamic imports. */
function importSpecifiers(text: string): string[] {
  const pattern = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const sourceFiles = (): string[] =>
  (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));

/** The layer of a file of src/: its top folder, or its name for a file at the top (errors.ts → errors). */
const layerOf = (file: string): string => relative(SRC, file).split('/')[0]!.replace(/\.[jt]s$/, '');

interface Import {
  readonly from: string;
  readonly specifier: string;
}

const importsOf = (file: string): Import[] => importSpecifiers(readFileSync(file, 'utf8')).map((specifier) => ({ from: file, specifier }));

/** Imports from one layer of src/ into another that the table does not allow. */
function upwardImports(): string[] {
  const allowed = new Map(LAYERS);
  const found: string[] = [];
  for (const { from, specifier } of sourceFiles().flatMap(importsOf)) {
    if (!specifier.startsWith('.')) continue;
    const source = layerOf(from);
    const target = layerOf(resolve(dirname(from), specifier));
    if (source === target) continue;
    if (!allowed.get(source)?.includes(target)) {
      found.push(`src/${relative(SRC, from)} imports ${specifier} (${source} may import: ${allowed.get(source)?.join(', ') || 'nothing of src/'})`);
    }
  }
  return found;
}

describe('layering of src/ (dependencies point one way: cli → … → stats → errors)', () => {
  it('the import reader sees every form of import', () => {
    const text = [
      "import { a } from '../jtl/sample.js';",
      "import type {",
      "  B,",
      "} from '../jtl/analyze.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('../runner/pipeline.js');",
      "const e = 'from nowhere';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['../jtl/sample.js', '../jtl/analyze.js', './c.js', './side-effect.js', '../runner/pipeline.js']);
  });

  it('the table lists every folder of src/ and allows only imports of layers declared below', () => {
    const declared = LAYERS.map(([layer]) => layer);
    const folders = [...new Set(sourceFiles().map(layerOf))].sort();
    expect(folders).toEqual([...declared].sort());
    for (const [index, [layer, mayImport]] of LAYERS.entries()) {
      for (const lower of mayImport) expect(declared.indexOf(lower), `${layer} may import ${lower}`).toBeLessThan(index);
    }
  });

  it('reads real imports (a reader that saw none would pass anything)', () => {
    const targets = (file: string) => importsOf(join(SRC, file)).map((i) => layerOf(resolve(dirname(join(SRC, file)), i.specifier)));
    expect(targets('cli/commands/run.ts')).toContain('runner');
    expect(targets('jtl/analyze.ts')).toContain('stats');
  });

  it('no layer imports one above it or beside it', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('nothing below src/cli imports commander, calls process.exit or writes to stdout', () => {
    const found: string[] = [];
    for (const file of sourceFiles().filter((f) => layerOf(f) !== 'cli')) {
      const text = readFileSync(file, 'utf8');
      const name = `src/${relative(SRC, file)}`;
      if (importSpecifiers(text).includes('commander')) found.push(`${name} imports commander`);
      if (/\bprocess\.exit\s*\(/.test(text)) found.push(`${name} calls process.exit`);
      if (/\bprocess\.stdout\b|\bconsole\.(?:log|info|debug|table|dir)\s*\(/.test(text)) found.push(`${name} writes to stdout`);
    }
    expect(found).toEqual([]);
  });
});
