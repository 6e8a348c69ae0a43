import { ByteInterner } from './intern.js';
import type { OpenedJtl } from './open.js';
import type { Sample } from '../stats/sample.js';
import { noteSkip, type ReadIssues, type WritableSample } from './sample.js';
import { decodeXmlText, SAMPLE_ATTRIBUTES, sampleFromAttributes, type SampleAttributes } from './xml-sample.js';

/**
 * The fast path of the XML JTL reader: a byte-level scan for the few elements the statistics read (samples, their
 * attributes, assertion results); everything else (response data, URLs, headers) is skipped with a native search
 * for the next `<`. Lenient like JMeter's files need: stray control characters are data, a killed run leaves no
 * closing tags (a truncated tail). sax (xml-sax-reader.ts) is its reference in the tests.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const AMPERSAND = 0x26;
const LF = 0x0a;

const enum Tag {
  Other,
  Sample,
  Assertion,
  Failure,
  Error,
  FailureMessage,
}

/** Element names, matched case-insensitively as sax (lowercase mode) does. */
const TAGS: ReadonlyArray<readonly [Buffer, Tag]> = [
  ['httpsample', Tag.Sample], ['sample', Tag.Sample], ['assertionresult', Tag.Assertion],
  ['failure', Tag.Failure], ['error', Tag.Error], ['failuremessage', Tag.FailureMessage],
].map(([name, tag]) => [Buffer.from(name as string), tag as Tag] as const);

/** Attribute name bytes (1 to 3 letters) → the attribute, keyed by length and bytes. */
const ATTRIBUTE_KEYS = new Map<number, keyof SampleAttributes>(SAMPLE_ATTRIBUTES.map((name) => [attributeKey(Buffer.from(name), 0, name.length), name]));

function attributeKey(buf: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length > 3) return -1;
  let key = length;
  for (let i = start; i < end; i++) key = key * 256 + (buf[i] as number);
  return key;
}

const isSpace = (b: number) => b === 0x20 || b === LF || b === 0x0d || b === 0x09;

function tagOf(buf: Buffer, start: number, end: number): Tag {
  for (const [name, tag] of TAGS) {
    if (name.length !== end - start) continue;
    let i = 0;
    while (i < name.length && ((buf[start + i] as number) | 0x20) === name[i]) i++;
    if (i === name.length) return tag;
  }
  return Tag.Other;
}

/** The truncated-tail reason of a file that ends inside a sample's start tag. */
export const UNFINISHED_SAMPLE_TAG = 'the file ends inside the start tag of a sample (killed run?)';

/** Whether the bytes are the start of a sample element's name (a lone `<` could as well start the closing tag). */
export function isSamplePrefix(buf: Buffer, start: number, end: number): boolean {
  const name = buf.toString('latin1', start, end).toLowerCase();
  return 'httpsample'.startsWith(name) || 'sample'.startsWith(name);
}

interface Pending {
  readonly sample: WritableSample | undefined;
  inAssertion: boolean;
  failing: boolean;
}

/** Reads an XML JTL in UTF-8, calling onSample for each sample (sub-samples after their parent, as in a CSV JTL). */
export async function readXmlJtl(jtl: OpenedJtl, issues: ReadIssues, onSample: (s: Sample) => void): Promise<number> {
  const labels = new ByteInterner();
  const codes = new ByteInterner();
  const attributes: SampleAttributes = {};
  const stack: Pending[] = [];
  let tree: Pending[] = [];
  let records = 0;
  // Where the buffer starts in the file, and line counting up to `countedTo` within it.
  let base = 0;
  let countedTo = 0;
  let line = 1;
  let leftover: Buffer | undefined;
  // The element whose text is wanted (failure, error, failureMessage inside an assertion result), and where it starts.
  let textTag = Tag.Other;
  let textStart = 0;
  // The file ended inside a tag that is (or may be, cut inside its name) a sample's: a sample lost to a killed run.
  let unfinishedSampleTag = false;
  let sawElement = false;
  // The sample tag being read breaks XML's attribute syntax (e.g. lb="lb="x"): the record is reported, not guessed at.
  let malformed = '';

  const lineAt = (buf: Buffer, pos: number): number => {
    for (let lf = buf.indexOf(LF, countedTo); lf >= 0 && lf < pos; lf = buf.indexOf(LF, lf + 1)) line += 1;
    countedTo = Math.max(countedTo, pos);
    return line;
  };

  const value = (buf: Buffer, start: number, end: number, interner?: ByteInterner): string => {
    let plain = true;
    for (let i = start; i < end && plain; i++) if (buf[i] === AMPERSAND) plain = false;
    if (!plain) return decodeXmlText(buf.toString('utf8', start, end));
    return interner ? interner.intern(buf, start, end) : buf.toString('utf8', start, end);
  };

  const openSample = (buf: Buffer, at: number) => {
    const line = lineAt(buf, at);
    const parsed = malformed !== '' ? malformed : sampleFromAttributes(attributes);
    if (typeof parsed === 'string') noteSkip(issues, { file: jtl.file, line, byteOffset: base + at, reason: parsed });
    else parsed.line = line;
    const pending: Pending = { sample: typeof parsed === 'string' ? undefined : parsed, inAssertion: false, failing: false };
    stack.push(pending);
    if (pending.sample !== undefined) tree.push(pending);
  };

  const closeSample = () => {
    if (stack.pop() === undefined || stack.length > 0) return;
    for (const p of tree) {
      records += 1;
      onSample(p.sample!);
    }
    tree = [];
  };

  /**
   * Scans one buffer; returns the offset from which the rest must be kept for the next chunk (an unfinished tag,
   * or wanted text), or the buffer's length.
   */
  const scan = (buf: Buffer, final: boolean): number => {
    const n = buf.length;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0) return textTag !== Tag.Other ? textStart : n;
      const keep = textTag !== Tag.Other ? textStart : lt;
      const next = buf[lt + 1];
      if (next === undefined) return final ? n : keep;
      // Comments, CDATA, the prolog, a doctype: skipped whole.
      if (next === BANG || next === QUESTION) {
        if (lt + 9 > n && !final) return keep;
        const opening = buf.toString('latin1', lt, lt + 9);
        const terminator = opening.startsWith('<!--') ? '-->' : opening.startsWith('<![CDATA[') ? ']]>' : next === QUESTION ? '?>' : '>';
        const end = buf.indexOf(terminator, lt + 2, 'latin1');
        if (end < 0) return final ? n : keep;
        i = end + terminator.length;
        continue;
      }
      const closing = next === SLASH;
      let p = closing ? lt + 2 : lt + 1;
      const nameStart = p;
      while (p < n && !isSpace(buf[p] as number) && buf[p] !== GT && buf[p] !== SLASH) p++;
      const nameEnd = p;
      const tag = tagOf(buf, nameStart, p);
      const isSample = tag === Tag.Sample && !closing;
      if (isSample) for (const name of SAMPLE_ATTRIBUTES) attributes[name] = undefined;
      malformed = '';
      // Attributes, up to the end of the tag (a `>` inside a quoted value does not end it).
      let selfClosing = false;
      let complete = false;
      while (p < n) {
        const b = buf[p] as number;
        if (b === GT) {
          complete = true;
          break;
        }
        if (b === SLASH) {
          if (p + 1 < n && buf[p + 1] === GT) {
            selfClosing = true;
            p += 1;
            complete = true;
            break;
          }
          p += 1;
          continue;
        }
        if (isSpace(b)) {
          p += 1;
          continue;
        }
        const attributeStart = p;
        while (p < n && !isSpace(buf[p] as number) && buf[p] !== EQUALS && buf[p] !== GT && buf[p] !== SLASH) p++;
        const attributeEnd = p;
        while (p < n && isSpace(buf[p] as number)) p++;
        if (p >= n || buf[p] !== EQUALS) {
          if (isSample && p < n && malformed === '') malformed = `malformed <${buf.toString('utf8', nameStart, nameEnd)}>: "${buf.toString('utf8', attributeStart, attributeEnd).slice(0, 40)}" is not an attribute (name="value"); a quote inside a value?`;
          continue;
        }
        p += 1;
        while (p < n && isSpace(buf[p] as number)) p++;
        if (p >= n) break;
        const quote = buf[p] as number;
        let valueStart: number;
        let valueEnd: number;
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          valueStart = p + 1;
          valueEnd = buf.indexOf(quote, valueStart);
          if (valueEnd < 0) break;
          p = valueEnd + 1;
          // XML separates attributes by blanks: text right after a closing quote means a quote inside the value.
          if (isSample && p < n && !isSpace(buf[p] as number) && buf[p] !== GT && buf[p] !== SLASH && malformed === '') {
            malformed = `malformed <${buf.toString('utf8', nameStart, nameEnd)}>: text right after the value of "${buf.toString('utf8', attributeStart, attributeEnd)}" ("${buf.toString('utf8', valueStart, Math.min(p + 20, n)).slice(0, 60)}…"); a quote inside a value?`;
          }
        } else {
          // Unquoted (not XML, read leniently): up to a blank or the tag's end.
          valueStart = p;
          while (p < n && !isSpace(buf[p] as number) && buf[p] !== GT) p++;
          valueEnd = p;
        }
        if (!isSample) continue;
        const name = ATTRIBUTE_KEYS.get(attributeKey(buf, attributeStart, attributeEnd));
        // A repeated attribute (not XML) keeps its first value, as sax does.
        if (name !== undefined && attributes[name] === undefined) attributes[name] = value(buf, valueStart, valueEnd, name === 'lb' ? labels : name === 'rc' ? codes : undefined);
      }
      if (!complete) {
        if (final && sawElement && !closing && (tag === Tag.Sample || (nameEnd === n && nameEnd > nameStart && isSamplePrefix(buf, nameStart, nameEnd)))) unfinishedSampleTag = true;
        return final ? n : keep;
      }
      i = p + 1;
      const top = stack.at(-1);
      if (closing) {
        if (textTag !== Tag.Other && tag === textTag && top?.inAssertion) {
          const text = decodeXmlText(buf.toString('utf8', textStart, lt));
          if ((tag === Tag.Failure || tag === Tag.Error) && text.trim() === 'true') top.failing = true;
          if (tag === Tag.FailureMessage && top.failing && top.sample !== undefined && top.sample.failureMessage === '') top.sample.failureMessage = text;
        }
        textTag = Tag.Other;
        if (tag === Tag.Assertion && top !== undefined) {
          top.inAssertion = false;
          top.failing = false;
        }
        if (tag === Tag.Sample) closeSample();
        continue;
      }
      textTag = Tag.Other;
      sawElement = true;
      if (isSample) {
        openSample(buf, lt);
        if (selfClosing) closeSample();
      } else if (tag === Tag.Assertion && top !== undefined) {
        top.inAssertion = !selfClosing;
      } else if ((tag === Tag.Failure || tag === Tag.Error || tag === Tag.FailureMessage) && top?.inAssertion && !selfClosing) {
        textTag = tag;
        textStart = i;
      }
    }
  };

  for await (const chunk of jtl.chunks()) {
    const buf = leftover === undefined ? chunk : Buffer.concat([leftover, chunk]);
    const keep = scan(buf, false);
    lineAt(buf, keep);
    leftover = keep < buf.length ? Buffer.from(buf.subarray(keep)) : undefined;
    if (textTag !== Tag.Other) textStart -= keep;
    base += keep;
    countedTo = 0;
  }
  if (leftover !== undefined) scan(leftover, true);
  if (stack.length > 0 || unfinishedSampleTag) {
    const end = leftover?.length ?? 0;
    const reason = stack.length > 0 ? `the file ends inside <${stack.length > 1 ? 'nested samples' : 'a sample'}> (killed run?)` : UNFINISHED_SAMPLE_TAG;
    issues.truncatedTails.push({ file: jtl.file, line: leftover ? lineAt(leftover, end) : line, byteOffset: base + end, reason });
  }
  return records;
}
