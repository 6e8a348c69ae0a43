// Never run stale code: in a clone (src/ present), dist/ is rebuilt when a source is newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(root, 'dist', 'cli', 'main.js');
const LOCK = join(root, 'dist', '.build-lock');
const LOCK_STALE_MS = 120_000;

/** Newest modification time (ms) of the TypeScript sources and the compiler settings. */
function newestSourceMs() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) if (existsSync(join(root, f))) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

const builtMs = () => (existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0);
const fail = (message, code) => {
  process.stderr.write(`jtl: error ${message}\n`);
  process.exit(code);
};

/** One build at a time: a second `jtl` waits for the first one's build instead of writing dist/ alongside it. */
function withLock(run) {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (existsSync(LOCK) ? statSync(LOCK).mtimeMs : Date.now());
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function ensureFreshBuild() {
  if (!existsSync(join(root, 'src'))) return; // an installed package: dist/ is all there is
  if (newestSourceMs() <= builtMs()) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    fail('CLI_STALE_BUILD src/ is newer than dist/ and TypeScript is not installed to rebuild it: run `npm ci` (it builds dist/)', 3);
  }
  const built = withLock(() => {
    if (newestSourceMs() <= builtMs()) return true; // built meanwhile by another jtl
    process.stderr.write('jtl: src/ changed since dist/ was built: rebuilding (npm run build)…\n');
    // tsconfig.build.json has noEmitOnError: a failed build leaves dist/ as it was, so the next call tries again.
    return spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] }).status === 0;
  });
  if (!built) fail('CLI_BUILD_FAILED the sources do not compile (errors above): fix them, or check out a working state, and run again', 2);
}
