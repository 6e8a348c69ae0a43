import { RunError, SlaFailed, ToolkitError } from '../errors.js';

/** The only place that knows exit codes. */
export const EXIT = { ok: 0, slaFailed: 1, usage: 2, toolFailed: 3, internal: 4 } as const;

export const exitCodeFor = (error: unknown): number =>
  error instanceof SlaFailed
    ? EXIT.slaFailed
    : error instanceof RunError
      ? EXIT.toolFailed
      : error instanceof ToolkitError
        ? EXIT.usage
        : EXIT.internal;

/** One line per error on stderr; the stack only with --debug or JTL_DEBUG=1. */
export function describeError(error: unknown, debug: boolean): string {
  const head =
    error instanceof ToolkitError
      ? `jtl: error ${error.code} ${error.message}`
      : `jtl: internal error, please report: ${error instanceof Error ? error.message : String(error)}`;
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return head + stack + '\n';
}
