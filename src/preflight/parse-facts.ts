import type { Limit } from './types.js';

/** /proc/<pid>/limits → the "Max open files" soft and hard limits. */
export function parseOpenFiles(limits: string): { soft: Limit; hard: Limit } | undefined {
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)\s/m.exec(limits);
  if (!m?.[1] || !m[2]) return undefined;
  const limit = (text: string): Limit => (text === 'unlimited' ? 'unlimited' : Number(text));
  return { soft: limit(m[1]), hard: limit(m[2]) };
}

/** A /proc/sys file holding one whole number. */
export function parseSysctlNumber(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : undefined;
}

/** net.ipv4.ip_local_port_range: "32768\t60999". */
export function parsePortRange(text: string): readonly [number, number] | undefined {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  return m?.[1] && m[2] ? [Number(m[1]), Number(m[2])] : undefined;
}

/** /proc/meminfo → MemAvailable in MiB. */
export function parseMemAvailableMb(meminfo: string): number | undefined {
  const m = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo);
  return m?.[1] ? Math.floor(Number(m[1]) / 1024) : undefined;
}

/** `java -version` (stderr): `openjdk version "17.0.15" 2025-04-15` → 17; `"1.8.0_392"` → 8. */
export function parseJavaVersion(output: string): { major: number; version: string } | undefined {
  const m = /version "([^"]+)"/.exec(output);
  if (!m?.[1]) return undefined;
  const parts = m[1].split(/[._+-]/).map(Number);
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return major !== undefined && Number.isInteger(major) ? { major, version: m[1] } : undefined;
}
