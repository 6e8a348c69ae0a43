import { join } from 'node:path';

import type { Command } from 'commander';

import { plansDir } from '../../plans/paths.js';
import { analyzeJtl } from '../../jtl/analyze.js';
import { eachSample } from '../../jtl/each-sample.js';
import type { AnalyzeJtl, RunDeps } from '../../runner/pipeline.js';
import { normalizeRunOptions, RUN_DEFAULTS, type RawRunOptions } from '../../runner/options.js';
import { repoRoot } from '../../runner/repo-root.js';
import type { PlanCatalogue } from '../../runner/resolve-plan.js';
import type { Finding } from '../../findings/finding.js';
import type { RunEvent } from '../../runner/types.js';
import { runProgressView } from '../../output/run-progress.js';
import { runAnalysisOf } from '../format/run-analysis.js';
import { formatRatesTable } from '../format/rates-table.js';
import { prepareRunSla, type RunSlaOptions } from '../run-sla.js';
import { preflightBeforeRun } from './doctor.js';

interface RunCommandOptions extends RawRunOptions, RunSlaOptions {
  readonly embeddedTarget?: boolean;
  readonly json?: boolean;
  readonly verbose?: boolean;
  /** `--no-preflight` sets it false. */
  readonly preflight?: boolean;
  readonly strictPreflight?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `jtl run <plan>`: wiring only; the run itself is src/runner/pipeline.ts. */
export function registerRunCommand(program: Command): void {
  program
    .command('run <plan>')
    .description('run a plan (catalogue name or .jmx file) with JMeter into results/<plan>_<timestamp>/ and analyze it')
    .option('--profile <name>', 'load properties/<name>.properties: ci or production')
    .option('-J <NAME=value>', 'set a plan property, e.g. -J THREADS=10 (repeatable; later wins)', collect, [])
    .option('--gateway-url <url>', 'gateway base URL (GATEWAY_URL)')
    .option('--server-id <id>', 'virtual server id for the MCP plans (SERVER_ID)')
    .option('--duration <time>', 'test duration: 90, 90s, 5m, 1h (DURATION; plans multiply it by TIME_SCALE)')
    .option('--threads <n>', 'threads (THREADS)')
    .option('--out <dir>', 'folder for run folders', RUN_DEFAULTS.outDir)
    .option('--token-file <file>', 'read the bearer token from this file (else JMETER_TOKEN / MCPGATEWAY_BEARER_TOKEN)')
    .option('--truststore <file>', "https: verify the gateway's certificate against this CA file (PEM) or store (JKS, PKCS12) before the run, and on every SSE connection")
    .option('--truststore-password-file <file>', "the store's password (else JMETER_TRUSTSTORE_PASSWORD; never on the command line)")
    .option('--insecure', "https: accept any certificate, JMeter's own default, also in the SSE client when the JVM has a truststore")
    .option('--remote <hosts>', 'run on remote JMeter engines host[:port],… (JMeter -R); results are merged')
    .option('--progress-interval <s>', 'seconds between progress updates (JMeter reports at most every ~5 s)', String(RUN_DEFAULTS.progressIntervalS))
    .option('--fail-fast <s>', 'stop the run when its first <s> seconds measured nothing: gateway down, token refused, unknown server id, failed readiness check (exit 3)', String(RUN_DEFAULTS.failFastS))
    .option('--no-fail-fast', 'never stop a run early, whatever its first samples say')
    .option('--embedded-target', 'start the built-in loopback gateway stand-in (as `jtl target`) for this run and aim the plan at it')
    .option('--json', 'print summary.json instead of the table')
    .option('--verbose', "echo JMeter's own output")
    .option('--sla <profile|file>', 'gate the run at its end: baseline, load, stress, auto (from the plan), or a YAML/JSON rules file')
    .option('--rule <rule>', 'an SLA one-liner, e.g. "p95 < 300ms for each label" (repeatable; added to --sla)', collect, [])
    .option('--abort-on-fail', 'check the rules marked "abort" live on the growing JTL; a breach stops JMeter gracefully')
    .option('--junit <file>', 'with --sla/--rule: write the verdicts as JUnit XML')
    .option('--no-preflight', 'skip the host checks of `jtl doctor` before the run')
    .option('--strict-preflight', 'exit 2 before starting JMeter when a host check fails')
    .addHelpText(
      'after',
      '\nThe token reaches JMeter only through a private temporary properties file, never the command line.\n' +
        'Ctrl-C, SIGTERM or SIGHUP (a closed terminal) stop JMeter gracefully (Shutdown, StopTestNow, then kill;\n' +
        'a second Ctrl-C hurries it); the results so far are analyzed. If the runner dies anyway, JMeter is stopped too.\n' +
        'Remote engines log the properties they receive: start jmeter-server with\n' +
        '  -Lorg.apache.jmeter.engine.StandardJMeterEngine=WARN so the token stays out of their logs.\n' +
        'Exit codes: 0 JMeter finished (also after Ctrl-C; some failed samples only warn), 2 bad usage,\n' +
        '3 JMeter failed, recorded no sample, or the run could not measure the gateway (down or unreachable,\n' +
        '  token refused, unknown server id, the readiness check stopped the test, most samples failed for such a cause),\n' +
        '4 a bug of jtl; with --sla/--rule: 1 when a failing-severity rule failed or --abort-on-fail stopped the run.',
    )
    .action(async (plan: string, options: RunCommandOptions) => {
      // Loaded here, not at start-up: `jtl analyze` and `--help` need none of the runner, plans or target.
      const [{ runPlan }, { withEmbeddedTarget }, { planCatalogue }] = await Promise.all([
        import('../../runner/pipeline.js'),
        import('../embedded-target.js'),
        import('../../plans/catalogue.js'),
      ]);
      const normalized = normalizeRunOptions(plan, options);
      // Rules first: a bad rule is a usage error before anything starts.
      const sla = await prepareRunSla(plan, options, normalized);
      const embedded = options.embeddedTarget ? await withEmbeddedTarget(normalized, process.env) : undefined;
      const request = sla?.adjust(embedded?.request ?? normalized) ?? embedded?.request ?? normalized;
      const stop = new AbortController();
      const hurry = new AbortController();
      const onSignal = (): void => (stop.signal.aborted ? hurry.abort() : stop.abort());
      // SIGHUP: the terminal closed; JMeter (its own process group) would not notice, so it is stopped like on Ctrl-C.
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal).on('SIGHUP', onSignal);
      const view = runProgressView(process.stderr, normalized.profile);
      try {
        const onEvent = (e: RunEvent): void => {
          if (e.kind === 'started') sla?.started(e.folder.jtl);
          view.onEvent(e);
        };
        const deps = { ...runDeps(planCatalogue), ...(sla && { analyze: sla.analyze, liveChecks: sla.liveChecks }) };
        const baseEnv = embedded?.env ?? process.env;
        const env = options.preflight === false ? baseEnv : await preflightBeforeRun(request, baseEnv, options.strictPreflight === true);
        const outcome = await runPlan(request, { ...deps, env, signal: stop.signal, hurry: hurry.signal, onEvent, ...(options.verbose && { onJmeterLine: view.onLine }) });
        await sla?.stop();
        view.done();
        process.stdout.write(options.json ? JSON.stringify(outcome.summary, null, 2) + '\n' : (outcome.analysis?.table ?? ''));
        if (!options.json && outcome.rates) process.stdout.write('\n' + formatRatesTable(outcome.rates));
        await sla?.publish(outcome.analysis?.findings, Boolean(options.json));
        process.stderr.write(`run folder: ${outcome.folder.dir}\n`);
        if (outcome.reportPath !== undefined) process.stderr.write(`report: ${outcome.reportPath}\n`);
        if (outcome.failure) throw outcome.failure;
        sla?.verdict(outcome.analysis?.findings);
      } finally {
        await sla?.stop();
        view.done();
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('SIGHUP', onSignal);
        await embedded?.target.close();
      }
    });
}

function runDeps(plans: PlanCatalogue['plans']): Omit<RunDeps, 'signal' | 'hurry' | 'onEvent'> {
  const root = repoRoot();
  const catalogue: PlanCatalogue = { plans, dir: plansDir() };
  const each = async (jtl: string, onSample: Parameters<typeof eachSample>[1]): Promise<void> => void (await eachSample(jtl, onSample));
  return { catalogue, analyze: analyzeRun, eachSample: each, writeReport, env: process.env, cwd: process.cwd(), profilesDir: join(root, 'properties') };
}

const analyzeRun: AnalyzeJtl = async (jtl) => runAnalysisOf(await analyzeJtl({ files: [jtl] }));

/** Reads the JTL a second time (the report's series and errors are not part of the run's analysis). */
const writeReport = async (runFolder: string, findings?: readonly Finding[]): Promise<string> => {
  const { writeReport: write } = await import('../../report/write.js');
  return (await write({ inputs: [runFolder], ...(findings && findings.length > 0 && { findings }) })).html;
};
