import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const installScript = join(repo, 'scripts/install-jmeter.sh');
const checkScript = join(repo, 'scripts/jmeter-check.sh');
const scratch = mkdtempSync(join(tmpdir(), 'jtl-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH holding the tools the scripts use, minus the ones a test takes away (e.g. java, mvn). */
function pathWithout(...missing: string[]): string {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  const tools = ['bash', 'sh', 'env', 'curl', 'tar', 'gzip', 'sha512sum', 'mktemp', 'rm', 'mv', 'mkdir', 'cp', 'ln',
    'dirname', 'cat', 'grep', 'sed', 'head', 'tail', 'chmod', 'find', 'sort', 'xargs', 'cut', 'tr', 'diff', 'readlink',
    'ls', 'java', 'mvn'];
  for (const tool of tools.filter((t) => !missing.includes(t))) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** A closed loopback port: every connection is refused at once, like a machine without network. */
const deadUrl = 'http://127.0.0.1:9/apache-jmeter-5.6.3.tgz';

/** Maven settings that send every download to the dead port, with an empty local repository. */
function offlineMavenArgs(): string {
  const settings = join(scratch, 'settings-no-network.xml');
  writeFileSync(settings, `<settings><mirrors><mirror><id>dead</id><mirrorOf>*</mirrorOf>
    <url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>`);
  return `-s ${settings} -Dmaven.repo.local=${mkdtempSync(join(scratch, 'm2-'))}`;
}

function runInstall(env: Record<string, string>) {
  const jmeterDir = mkdtempSync(join(scratch, 'jmeter-dir-'));
  const result = spawnSync('bash', [installScript], {
    encoding: 'utf8',
    env: { HOME: process.env.HOME ?? '/root', PATH: process.env.PATH ?? '', JMETER_DIR: jmeterDir, ...env },
    timeout: 120_000,
  });
  return { ...result, jmeterDir };
}

describe('make jmeter-install failures say what is wrong and what to do', () => {
  it('missing Java', () => {
    const r = runInstall({ PATH: pathWithout('java'), JAVA_HOME: '' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Java is not installed/);
    expect(r.stderr).toMatch(/apt-get install -y openjdk-17-jre-headless/);
  });

  it('missing Maven when the Apache site is unreachable', () => {
    const r = runInstall({ PATH: pathWithout('mvn'), JMETER_TGZ_URL: deadUrl });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/not reachable/);
    expect(r.stderr).toMatch(/Maven \(mvn\) is not installed/);
    expect(r.stderr).toMatch(/apt-get install -y maven/);
  });

  it('a tarball whose SHA-512 is not the official one is refused and nothing is installed', () => {
    const fake = join(scratch, 'apache-jmeter-5.6.3.tgz');
    mkdirSync(join(scratch, 'apache-jmeter-5.6.3/bin'), { recursive: true });
    writeFileSync(join(scratch, 'apache-jmeter-5.6.3/bin/jmeter'), '#!/bin/sh\necho evil\n');
    execFileSync('tar', ['-czf', fake, '-C', scratch, 'apache-jmeter-5.6.3']);
    const r = runInstall({ JMETER_TGZ_URL: `file://${fake}` });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/SHA-512 mismatch for apache-jmeter-5\.6\.3\.tgz/);
    expect(r.stderr).toMatch(/nothing was installed/);
    expect(spawnSync('ls', [join(r.jmeterDir, 'apache-jmeter-5.6.3')]).status).not.toBe(0);
  });

  it('no network at all', () => {
    const r = runInstall({ JMETER_TGZ_URL: deadUrl, JMETER_MVN_ARGS: offlineMavenArgs() });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/cannot reach Maven Central/);
    expect(r.stderr).toMatch(/set JMETER_HOME to an existing JMeter 5\.6\.x home/);
  });
});

describe('make jmeter-check', () => {
  const check = (env: Record<string, string>, ...args: string[]) =>
    spawnSync('bash', [checkScript, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', JMETER_DIR: join(scratch, 'none'), ...env },
    });

  it('reports a missing JMeter with how to install it', () => {
    const r = check({ PATH: pathWithout('jmeter') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/JMeter was not found/);
    expect(r.stderr).toMatch(/make jmeter-install/);
  });

  const oldHome = join(scratch, 'old-jmeter');
  mkdirSync(join(oldHome, 'bin'), { recursive: true });
  writeFileSync(join(oldHome, 'bin/ApacheJMeter.jar'), '');

  it('refuses a JMeter older than 5.x', () => {
    const fakeJava = join(scratch, 'old-java');
    mkdirSync(join(fakeJava, 'bin'), { recursive: true });
    writeFileSync(join(fakeJava, 'bin/java'), '#!/bin/sh\necho "Version 4.0 r1823414"\n');
    chmodSync(join(fakeJava, 'bin/java'), 0o755);
    const r = check({ JMETER_HOME: oldHome, JAVA_HOME: fakeJava });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/JMeter 4\.0 .* is too old/);
  });

  it('follows JMETER_HOME first and prints the home with --home', () => {
    const r = check({ JMETER_HOME: oldHome }, '--home');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(oldHome);
  });
});
