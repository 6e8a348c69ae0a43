/** Error codes, one namespace per area of the toolkit. */
export type ErrorCode =
  | `CLI_${string}`
  | `PLAN_${string}`
  | `RUN_${string}`
  | `JTL_${string}`
  | `SLA_${string}`
  | `TARGET_${string}`
  | `INSTALL_${string}`
  | `REPORT_${string}`
  | `CMP_${string}`
  | `GATEWAY_${string}`;

/**
 * The one error type of the toolkit. The message says what is wrong, where, and what to do;
 * `context` carries the machine-readable position (file, line, column, property, …).
 */
export class ToolkitError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ToolkitError';
  }
}

/** Bad input: a malformed or truncated JTL, a wrong column. Exit code 2. */
export class JtlError extends ToolkitError {
  override readonly name = 'JtlError';
}

/** JMeter (or another tool the toolkit drives) failed: no binary, non-zero exit, timeout. Exit code 3. */
export class RunError extends ToolkitError {
  override readonly name = 'RunError';
}

/** An SLA was breached or a regression found. Exit code 1. */
export class SlaFailed extends ToolkitError {
  override readonly name = 'SlaFailed';
}
