/** Progress of a long analysis on stderr: a rewritten line on a terminal, an occasional plain line otherwise. */
export function progressReporter(files: readonly string[]): (p: { readonly file: string; readonly samples: number }) => void {
  const started = Date.now();
  let lastPrint = started;
  const tty = process.stderr.isTTY === true;
  process.once('beforeExit', () => {
    if (tty && lastPrint !== started) process.stderr.write('\r\x1b[K');
  });
  return ({ file, samples }) => {
    const now = Date.now();
    if (now - started < 1000 || now - lastPrint < (tty ? 200 : 10_000)) return;
    lastPrint = now;
    const text = `analyzing ${file}${files.length > 1 ? ` (${files.indexOf(file) + 1}/${files.length})` : ''}: ${samples.toLocaleString('en')} samples, ${((now - started) / 1000).toFixed(0)} s`;
    process.stderr.write(tty ? `\r\x1b[K${text}` : `${text}\n`);
  };
}
