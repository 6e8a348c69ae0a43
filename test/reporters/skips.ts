import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * No silent skips. A test that cannot run here skips itself with a reason (`ctx.skip('unshare -n is not available:
 * …')`); this reporter prints every such skip with its reason. On CI (CI=true) every test must run: a skipped test fails
 * the run, unless JTL_ALLOW_SKIPS=1 says the machine is known to lack something.
 */
export default class SkipsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = modules.flatMap((m) => [...m.children.allTests()]).filter((t) => t.result().state === 'skipped');
    // Skipped by a runtime decision (ctx.skip): always said. Skipped statically (it.skip, -t filtering): said on CI.
    const decided = skipped.filter((t) => t.options.mode === 'run');
    const ci = process.env.CI === 'true' || process.env.CI === '1';
    const listed = ci ? skipped : decided;
    for (const t of listed) process.stderr.write(`skipped: ${where(t)}: ${noteOf(t) ?? 'no reason given (it.skip / skipIf without ctx.skip(reason))'}\n`);
    if (ci && skipped.length > 0 && process.env.JTL_ALLOW_SKIPS !== '1') {
      process.stderr.write(`${skipped.length} test(s) skipped on CI, where every test must run: give the machine what they need (or set JTL_ALLOW_SKIPS=1 to accept it)\n`);
      process.exitCode = 1;
    }
  }
}

const noteOf = (t: TestCase): string | undefined => {
  const result = t.result();
  return result.state === 'skipped' ? result.note : undefined;
};
const where = (t: TestCase): string => `${t.module.moduleId.replace(`${process.cwd()}/`, '')} > ${t.fullName}`;
