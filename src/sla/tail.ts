import { open } from 'node:fs/promises';

import type { CsvLayout } from '../jtl/csv-layout.js';
import { readCsvJtl } from '../jtl/csv-reader.js';
import type { OpenedJtl } from '../jtl/open.js';
import type { Sample } from '../stats/sample.js';
import type { ReadIssues } from '../jtl/sample.js';

/**
 * Reads a CSV JTL that JMeter is still writing: each `read()` passes on the records completed since the last
 * one. Only whole lines are read; a record still open inside quotes (a message with a newline) waits.
 */
export class JtlTail {
  private offset = 0;
  private layout: CsvLayout | undefined;
  readonly issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };

  constructor(readonly file: string) {}

  async read(onSample: (s: Sample) => void): Promise<number> {
    const bytes = await this.newBytes();
    const lastLineEnd = bytes.lastIndexOf(0x0a);
    if (lastLineEnd < 0) return 0;
    const whole = bytes.subarray(0, lastLineEnd + 1);
    const start = this.offset;
    const jtl: OpenedJtl = { file: this.file, format: 'csv', gzip: false, encoding: 'utf8', sizeBytes: start + whole.length, chunks: () => oneChunk(whole) };
    const pass: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
    const result = await readCsvJtl(jtl, {}, pass, onSample, this.layout === undefined ? { start: 0 } : { start, layout: this.layout });
    this.layout ??= result.layout;
    const open = pass.truncatedTails[0];
    this.offset = open === undefined ? start + whole.length : open.byteOffset;
    this.issues.skippedCount += pass.skippedCount;
    this.issues.skipped.push(...pass.skipped.slice(0, Math.max(0, 10 - this.issues.skipped.length)));
    return result.records;
  }

  private async newBytes(): Promise<Buffer> {
    const fd = await open(this.file, 'r').catch(() => undefined);
    if (fd === undefined) return Buffer.alloc(0);
    try {
      const { size } = await fd.stat();
      if (size <= this.offset) return Buffer.alloc(0);
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await fd.read(buffer, 0, buffer.length, this.offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await fd.close();
    }
  }
}

async function* oneChunk(chunk: Buffer): AsyncIterable<Buffer> {
  yield chunk;
}
