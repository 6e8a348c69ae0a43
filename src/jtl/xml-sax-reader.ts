import { StringDecoder } from 'node:string_decoder';

import sax from 'sax';

import type { OpenedJtl } from './open.js';
import type { Sample } from '../stats/sample.js';
import { addNote, noteSkip, type ReadIssues, type WritableSample } from './sample.js';
import { UNFINISHED_SAMPLE_TAG } from './xml-reader.js';
import { sampleFromAttributes, type SampleAttributes } from './xml-sample.js';

const IN_START_TAG = new Set(['OPEN_WAKA', 'OPEN_TAG', 'OPEN_TAG_SLASH', 'ATTRIB', 'ATTRIB_NAME', 'ATTRIB_NAME_SAW_WHITE', 'ATTRIB_VALUE', 'ATTRIB_VALUE_QUOTED', 'ATTRIB_VALUE_CLOSED', 'ATTRIB_VALUE_UNQUOTED', 'ATTRIB_VALUE_ENTITY_Q', 'ATTRIB_VALUE_ENTITY_U'].map((name) => (sax as unknown as { STATE: Record<string, number> }).STATE[name]));

/** Whether the input ended inside the start tag of a sample (or one cut inside its name). */
function endsInsideSampleTag(parser: sax.SAXParser): boolean {
  const state = (parser as unknown as { state: number }).state;
  const name = ((parser as unknown as { tagName?: string }).tagName ?? '').toLowerCase();
  return IN_START_TAG.has(state) && name !== '' && ('httpsample'.startsWith(name) || 'sample'.startsWith(name) || SAMPLE_TAGS.has(name));
}

interface Pending {
  /** Undefined for an element whose attributes were refused (noted as a skipped record). */
  readonly sample: WritableSample | undefined;
  inAssertion: boolean;
  failing: boolean;
}

const SAMPLE_TAGS = new Set(['httpsample', 'sample']);

/**
 * XStream writes control characters as `&#xNN;`, which XML 1.0 forbids: sax decodes every other reference and leaves
 * these as text, so only they are decoded here (decoding all would undo an escaped `&amp;#65;` twice).
 */
const decodeCharRefs = (text: string): string =>
  text.includes('&#')
    ? text.replace(/&#(x[0-9a-f]+|\d+);/gi, (m, n: string) => {
        const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
        return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d ? String.fromCodePoint(code) : m;
      })
    : text;

/**
 * Reads an XML JTL with sax: the reference for the fast reader (xml-reader.ts) and the reader of XML in other
 * encodings than UTF-8. Lenient (JMeter writes characters strict parsers reject; a killed run leaves no closing
 * tag). Sub-samples become samples of their own, after their parent, as in a CSV JTL.
 */
export async function readXmlJtlWithSax(jtl: OpenedJtl, issues: ReadIssues, onSample: (s: Sample) => void, encoding: BufferEncoding = jtl.encoding): Promise<number> {
  const parser = sax.parser(false, { lowercase: true, trim: false });
  const stack: Pending[] = [];
  let tree: WritableSample[] = [];
  const syntax = { errors: 0, first: undefined as { line: number; byteOffset: number; message: string } | undefined };
  let text = '';
  let records = 0;
  let sawElement = false;
  parser.onopentag = (node) => {
    const tag = node.name;
    sawElement = true;
    if (SAMPLE_TAGS.has(tag)) {
      const attributes = Object.fromEntries(Object.entries(node.attributes as Record<string, string>).map(([k, v]) => [k, decodeCharRefs(v)])) as SampleAttributes;
      const parsed = sampleFromAttributes(attributes);
      if (typeof parsed === 'string') noteSkip(issues, { file: jtl.file, line: parser.line + 1, byteOffset: parser.position, reason: parsed });
      const sample = typeof parsed === 'string' ? undefined : parsed;
      if (sample !== undefined) sample.line = parser.line + 1;
      stack.push({ sample, inAssertion: false, failing: false });
      if (sample !== undefined) tree.push(sample);
    } else if (tag === 'assertionresult' && stack.length > 0) {
      stack.at(-1)!.inAssertion = true;
    }
    text = '';
  };
  parser.ontext = (t) => (text += t);
  parser.onclosetag = (tag) => {
    const top = stack.at(-1);
    if (top?.inAssertion) {
      if ((tag === 'failure' || tag === 'error') && text.trim() === 'true') top.failing = true;
      if (tag === 'failuremessage' && top.failing && top.sample !== undefined && top.sample.failureMessage === '') top.sample.failureMessage = decodeCharRefs(text);
      if (tag === 'assertionresult') {
        top.inAssertion = false;
        top.failing = false;
      }
    }
    if (SAMPLE_TAGS.has(tag)) {
      stack.pop();
      if (stack.length === 0) {
        for (const sample of tree) {
          records += 1;
          onSample(sample);
        }
        tree = [];
      }
    }
  };
  parser.onerror = (error) => {
    // Lenient (sax reads on: an unquoted attribute, a value over its 64 KiB buffer), but counted and noted below.
    syntax.errors += 1;
    syntax.first ??= { line: parser.line + 1, byteOffset: parser.position, message: error.message.split('\n')[0] ?? error.message };
    parser.error = null as unknown as Error;
    parser.resume();
  };
  const decoder = new StringDecoder(encoding);
  for await (const chunk of jtl.chunks()) parser.write(decoder.write(chunk));
  parser.write(decoder.end());
  if (syntax.first !== undefined) {
    const { line, byteOffset, message } = syntax.first;
    addNote(issues, { file: jtl.file, line, byteOffset, reason: `${syntax.errors} XML syntax error(s) read past leniently, the first: ${message}` });
  }
  if (stack.length > 0) {
    issues.truncatedTails.push({ file: jtl.file, line: parser.line + 1, byteOffset: parser.position, reason: `the file ends inside <${stack.length > 1 ? 'nested samples' : 'a sample'}> (killed run?)` });
  } else if (sawElement && endsInsideSampleTag(parser)) {
    issues.truncatedTails.push({ file: jtl.file, line: parser.line + 1, byteOffset: parser.position, reason: UNFINISHED_SAMPLE_TAG });
  }
  return records;
}
