import type { ProgressState, RunEvent } from '../runner/types.js';
import { formatLoad } from './load-line.js';
import { formatProgressBar, formatProgressLine } from './progress-format.js';

/** Where the progress goes (the CLI passes process.stderr): a bar redrawn in place when it is a terminal. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface RunProgressView {
  readonly onEvent: (event: RunEvent) => void;
  /** JMeter's own output (`jtl run --verbose`). */
  readonly onLine: (line: string) => void;
  /** Stops the clock and clears the bar; safe to call more than once. */
  readonly done: () => void;
}

/** A run's progress: a bar redrawn in place on a TTY (its clock ticks every second), plain lines otherwise. */
export function runProgressView(out: ProgressOutput, profile?: string): RunProgressView {
  const tty = Boolean(out.isTTY);
  let last: { state: ProgressState; at: number } | undefined;
  let barShown = false;
  const drawBar = (): void => {
    if (!last) return;
    const elapsedS = last.state.elapsedS + (Date.now() - last.at) / 1000;
    out.write(`\r\x1b[2K${formatProgressBar({ ...last.state, elapsedS })}`);
    barShown = true;
  };
  const ticker = tty ? setInterval(drawBar, 1000).unref() : undefined;
  const clearBar = (): void => {
    if (barShown) out.write('\r\x1b[2K');
    barShown = false;
  };
  const say = (line: string): void => {
    clearBar();
    out.write(line + '\n');
    if (tty) drawBar();
  };
  return {
    onEvent: (e: RunEvent): void => {
      if (e.kind === 'started') {
        say(`running ${e.plan.name} with JMeter (${e.jmeter.bin}) into ${e.folder.dir}`);
        if (e.load) say(formatLoad(e.load, profile));
      }
      else if (e.kind === 'warning') say(`warning: ${e.message}`);
      else if (e.kind === 'stopping') say(`stopping JMeter: ${e.step}`);
      else if (tty) {
        last = { state: e.state, at: Date.now() };
        drawBar();
      } else say(formatProgressLine(e.state));
    },
    onLine: (line: string): void => say(`jmeter: ${line}`),
    done: (): void => {
      clearInterval(ticker);
      last = undefined;
      clearBar();
    },
  };
}
