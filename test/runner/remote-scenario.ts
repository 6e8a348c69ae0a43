// Runs inside a private network namespace (`unshare -n`, loopback only, see remote.test.ts): a loopback
// target, two jmeter-server engines on pinned ports, then `jtl run --remote` against both. Prints one JSON
// line with what the test asserts. JMeter 5.6.3 binds RMI on every interface when server.rmi.ssl.disable=true,
// so the namespace is what keeps the engines unreachable from outside.
import { connect } from 'node:net';
import { join } from 'node:path';

import { execa } from 'execa';

import { resolveJmeter } from '../../src/runner/resolve-jmeter.js';
import { healthPlan, runJtl, SMALL_HEAP } from './helpers.js';
import { startLoopbackServer } from './loopback-server.js';

const [outDir, token] = process.argv.slice(2) as [string, string];
// The toolkit's own lookup (JMETER_HOME, .jmeter/, PATH): one implementation of the order.
const jmeter = resolveJmeter().bin;
const rmiEnv = { ...process.env, HEAP: SMALL_HEAP, JVM_ARGS: '-Djava.rmi.server.hostname=127.0.0.1' };
const engines = [
  { name: 'a', port: 21099, localPort: 21100 },
  { name: 'b', port: 21101, localPort: 21102 },
];

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true))).on('error', () => resolve(false));
  });

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (await portOpen(port)) return;
  }
  throw new Error(`jmeter-server did not open port ${port}`);
}

const target = await startLoopbackServer();
const servers = engines.map((e) =>
  execa(
    jmeter,
    ['-s', '-Jserver.rmi.ssl.disable=true', `-Jserver_port=${e.port}`, `-Jserver.rmi.localport=${e.localPort}`,
      '-Jserver.exitaftertest=true', `-JENGINE_NAME=${e.name}`, '-Lorg.apache.jmeter.engine.StandardJMeterEngine=WARN',
      '-j', join(outDir, `server-${e.name}.log`)],
    { env: rmiEnv, reject: false, cwd: outDir },
  ),
);
try {
  await Promise.all(engines.map((e) => waitForPort(e.port, 90_000)));
  const r = await runJtl(
    ['run', healthPlan, '--out', join(outDir, 'results'), '--gateway-url', target.url, '--duration', '3', '--threads', '1',
      '--remote', engines.map((e) => `127.0.0.1:${e.port}`).join(','),
      '-J', 'server.rmi.ssl.disable=true', '-J', 'client.rmi.localport=21200'],
    { PATH: process.env.PATH, JMETER_HOME: process.env.JMETER_HOME, JMETER_TOKEN: token, JVM_ARGS: rmiEnv.JVM_ARGS },
  );
  process.stdout.write(
    JSON.stringify({
      exitCode: r.exitCode,
      output: r.all,
      requests: target.requests,
      engines: [...target.engines].sort(),
      authorizations: [...target.authorizations],
    }) + '\n',
  );
} finally {
  for (const s of servers) s.kill('SIGTERM');
  await Promise.all(servers);
  await target.close();
}
