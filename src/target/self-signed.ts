import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { ToolkitError } from '../errors.js';

/** A key and certificate, PEM. */
export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

/**
 * A fresh self-signed certificate for localhost, 127.0.0.1 and ::1, valid two days, made by `openssl`
 * (Node's crypto signs but cannot issue X.509 certificates). The key never touches a lasting file.
 */
export async function selfSignedCertificate(): Promise<TlsMaterial> {
  const dir = await mkdtemp(join(tmpdir(), 'jtl-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const r = await execa(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'],
      { reject: false, stdin: 'ignore', timeout: 30_000 },
    );
    if (r.exitCode !== 0) {
      const why = (r as { code?: string }).code === 'ENOENT' ? 'openssl is not installed (sudo apt-get install -y openssl)' : r.stderr.trim().split('\n').at(-1);
      throw new ToolkitError('TARGET_TLS_FAILED', `cannot make a self-signed certificate for --tls: ${why}`, {});
    }
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
