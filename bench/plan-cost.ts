/**
 * JMeter's own CPU cost of the generated rest_api_baseline vs the same mix written the old way
 * (GATEWAY_URL split by __javaScript on every request, GUI listeners in the plan), both run in
 * this process against the same loopback gateway. Prints CPU seconds per 10,000 samples
 * (JVM start-up, measured by a one-sample run, subtracted) and the ratio old / new.
 *   node --import tsx bench/plan-cost.ts [seconds=15] [threads=8]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { execa } from 'execa';

import { renderPlan } from '../src/plans/build.js';
import { PLAN_DEFINITIONS } from '../src/plans/definitions.js';
import { jmeterBin } from '../test/jmx/jmeter-home.js';
import { startTestGateway } from '../test/plans/gateway.js';

const seconds = Number(process.argv[2] ?? 15);
const threads = Number(process.argv[3] ?? 8);

const LISTENERS = ['ViewResultsFullVisualizer', 'SummaryReport', 'StatVisualizer']
  .map((gui) => `<ResultCollector guiclass="${gui}" testclass="ResultCollector" testname="${gui}">
  <boolProp name="ResultCollector.error_logging">false</boolProp>
  <objProp><name>saveConfig</name><value class="SampleSaveConfiguration"><time>true</time><latency>true</latency><timestamp>true</timestamp><success>true</success><label>true</label><code>true</code><message>true</message><threadName>true</threadName><dataType>true</dataType><encoding>false</encoding><assertions>true</assertions><subresults>true</subresults><responseData>false</responseData><samplerData>false</samplerData><xml>false</xml><fieldNames>true</fieldNames><responseHeaders>false</responseHeaders><requestHeaders>false</requestHeaders><responseDataOnError>false</responseDataOnError><saveAssertionResultsFailureMessage>true</saveAssertionResultsFailureMessage><assertionsResultsToSave>0</assertionsResultsToSave><bytes>true</bytes><sentBytes>true</sentBytes><url>true</url><threadCounts>true</threadCounts><idleTime>true</idleTime><connectTime>true</connectTime></value></objProp>
  <stringProp name="filename"></stringProp>
</ResultCollector><hashTree/>`)
  .join('\n');

/** The hand-written style: every request re-parses GATEWAY_URL in Rhino, listeners collect results. */
function oldWay(xml: string): string {
  const js = (expr: string) => `\${__javaScript(var u = new java.net.URL('\${__P(GATEWAY_URL\\,http://localhost:4444)}'); ${expr})}`;
  return xml
    .replace(/\$\{GW_HOST\}/g, js('u.getHost()'))
    .replace(/\$\{GW_PORT\}/g, js('u.getPort()'))
    .replace(/\$\{GW_PROTOCOL\}/g, js('u.getProtocol()'))
    .replace(/(<ThreadGroup [^>]*>[\s\S]*?<\/ThreadGroup>\s*<hashTree>)/, `$1\n${LISTENERS}\n`);
}

async function cpuRun(dir: string, name: string, planXml: string, props: string): Promise<{ cpuS: number; samples: number }> {
  const plan = join(dir, `${name}.jmx`);
  writeFileSync(plan, planXml);
  const jtl = join(dir, `${name}.jtl`);
  const r = await execa('/usr/bin/time', ['-f', 'CPU %U %S', jmeterBin(), '-n', '-t', plan, '-l', jtl, '-j', join(dir, `${name}.log`), '-q', props], { reject: false, cwd: dir });
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.exitCode !== 0 || !m) throw new Error(`${name}: JMeter failed (exit ${r.exitCode}): ${r.stderr.slice(-500)}`);
  const samples = (parse(readFileSync(jtl, 'utf8'), { columns: true, relax_column_count: true }) as unknown[]).length;
  return { cpuS: Number(m[1]) + Number(m[2]), samples };
}

const gateway = await startTestGateway();
const dir = mkdtempSync(join(tmpdir(), 'plan-cost-'));
try {
  const props = join(dir, 'run.properties');
  const base = { ...gateway.properties, THREADS: String(threads), RAMP_UP: '0', TARGET_RPS: '1000000' };
  writeFileSync(props, Object.entries({ ...base, DURATION: String(seconds) }).map(([k, v]) => `${k}=${v}`).join('\n'), { mode: 0o600 });
  const idleProps = join(dir, 'idle.properties');
  writeFileSync(idleProps, Object.entries({ ...base, THREADS: '1', DURATION: '1', TARGET_RPS: '1' }).map(([k, v]) => `${k}=${v}`).join('\n'), { mode: 0o600 });
  const ours = renderPlan('rest_api_baseline', PLAN_DEFINITIONS.rest_api_baseline!);
  const idle = await cpuRun(dir, 'idle', ours, idleProps);
  const fresh = await cpuRun(dir, 'generated', ours, props);
  const old = await cpuRun(dir, 'old-way', oldWay(ours), props);
  const per10k = (r: { cpuS: number; samples: number }) => ((r.cpuS - idle.cpuS) / r.samples) * 10_000;
  console.log(`JVM start-up (1-sample run): ${idle.cpuS.toFixed(2)} CPU s, subtracted below`);
  for (const [label, r] of [['generated plan', fresh], ['old way (__javaScript per request + GUI listeners)', old]] as const) {
    console.log(`${label.padEnd(52)} ${r.samples} samples, ${r.cpuS.toFixed(2)} CPU s, ${per10k(r).toFixed(2)} CPU s / 10,000 samples`);
  }
  console.log(`ratio old / generated: ${(per10k(old) / per10k(fresh)).toFixed(2)}x`);
} finally {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
}
