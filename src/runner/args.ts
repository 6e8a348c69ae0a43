import type { JmeterArgsSpec } from './types.js';

/** Settings the runner relies on, whatever jmeter.properties or a profile says. */
export const runnerProperties = (progressIntervalS: number): ReadonlyMap<string, string> =>
  new Map([
    ['jmeter.save.saveservice.output_format', 'csv'],
    ['summariser.name', 'summary'],
    ['summariser.interval', String(progressIntervalS)],
    ['summariser.out', 'true'],
  ]);

export const CLIENT_ENGINE_LOGGER = 'org.apache.jmeter.engine.ClientJMeterEngine';
/** The remote side's twin: it logs the properties it receives; jmeter-server should be started with -L…=WARN. */
export const SERVER_ENGINE_LOGGER = 'org.apache.jmeter.engine.StandardJMeterEngine';

/**
 * JMeter's argv, built purely. Secrets never appear here: they are in one of `propertyFiles`.
 * JMeter applies -q/-J in argv order, so property files come first and -J overrides win over them.
 * Remote runs (-R) also send files and properties to the engines with -G (a -G file keeps values off argv).
 */
export function buildJmeterArgs(spec: JmeterArgsSpec): readonly string[] {
  const remote = spec.remoteHosts.length > 0;
  const local = [...runnerProperties(spec.progressIntervalS), ...spec.properties];
  return [
    '-n',
    '-t',
    spec.planPath,
    '-l',
    spec.jtlPath,
    '-j',
    spec.logPath,
    ...spec.propertyFiles.flatMap((file) => ['-q', file]),
    ...(spec.systemPropertyFiles ?? []).flatMap((file) => ['-S', file]),
    ...local.map(([name, value]) => `-J${name}=${value}`),
    ...(remote
      ? [
          // ClientJMeterEngine logs every property it sends at INFO, secrets included.
          `-L${CLIENT_ENGINE_LOGGER}=WARN`,
          '-R',
          spec.remoteHosts.join(','),
          ...spec.propertyFiles.map((file) => `-G${file}`),
          ...[...spec.properties].map(([name, value]) => `-G${name}=${value}`),
        ]
      : []),
  ];
}
