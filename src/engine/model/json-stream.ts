// A strict JSON parser fed in chunks (so that a package is never one string, nor one buffer once it
// is inflated), which reports what it reads as events to a consumer. The grammar is RFC 8259's, as
// JSON.parse's: what JSON.parse refuses, this refuses; values, escapes and numbers come out the same.
// The stack is explicit, so nesting costs memory, not call stack, and is bounded by MAX_JSON_DEPTH.

/** What a parser reports, in document order. */
export interface JsonConsumer {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  key(name: string): void;
  value(v: string | number | boolean | null): void;
  /**
   * May read a whole object value from its '{' at buf[i] in one go (a tree, in the layout its writer
   * gives it), returning where it ends; -1 leaves it to the events. What it reads must be what the
   * events would read.
   */
  wholeObject?(buf: Buffer, i: number, numbers: NumberScanner): number;
}

/** The parser's number grammar, for a consumer's wholeObject. */
export interface NumberScanner {
  /** The end of the number at buf[i], or -1 when the buffer ends first. */
  numberEnd(buf: Buffer, i: number): number;
  number(buf: Buffer, start: number, end: number): number;
}

/** A syntax error at a byte offset of the (inflated) document; `truncated` when the document ends early. */
export class JsonSyntaxError extends Error {
  readonly offset: number;
  readonly truncated: boolean;
  constructor(message: string, offset: number, truncated: boolean) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
    this.truncated = truncated;
  }
}

/** The deepest nesting read: a tree of depth 40,000 still fits, a hostile "[[[[…" is refused at once. */
export const MAX_JSON_DEPTH = 100_000;

// What the parser expects next.
const S = { Value: 0, ArrayValueOrEnd: 1, ObjectKeyOrEnd: 2, ObjectKey: 3, Colon: 4, ObjectCommaOrEnd: 5, ArrayCommaOrEnd: 6, Done: 7 } as const;

const OBJECT = 1;
const ARRAY = 2;

const shown = (c: number) => (c >= 0x21 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`);

export class JsonStreamParser {
  private state: number = S.Value;
  private readonly stack = new Uint8Array(MAX_JSON_DEPTH);
  private depth = 0;
  /** The bytes of a token that the last chunk cut off. */
  private carry: Buffer | undefined;
  /** The document offset of the current chunk's first byte. */
  private base = 0;
  /** Keys seen lately, by their bytes: a tree repeats a handful of keys millions of times. */
  private readonly keys = new Map<number, { bytes: Buffer; name: string }>();
  /** Whether the string stringEnd last scanned has an escape. */
  private escaped = false;

  private readonly consumer: JsonConsumer;
  private readonly scanner: NumberScanner;

  constructor(consumer: JsonConsumer) {
    this.consumer = consumer;
    this.scanner = { numberEnd: (buf, i) => this.numberEnd(buf, i, false), number: parseJsonNumber };
  }

  feed(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.base -= this.carry.length;
      this.carry = undefined;
    }
    const stop = this.run(buf, false);
    if (stop < buf.length) this.carry = Buffer.from(buf.subarray(stop));
    this.base += buf.length;
  }

  /** The end of the document: what is still open is a truncation. */
  end(): void {
    if (this.carry) {
      const buf = this.carry;
      this.carry = undefined;
      this.base -= buf.length;
      this.run(buf, true);
      this.base += buf.length;
    }
    if (this.state !== S.Done) throw new JsonSyntaxError(`not a complete JSON document (truncated?): it ends at byte ${this.base} inside ${this.depth === 0 ? 'nothing' : this.stack[this.depth - 1] === OBJECT ? 'an object' : 'an array'}`, this.base, true);
  }

  private fail(at: number, what: string): never {
    throw new JsonSyntaxError(`not JSON at byte ${this.base + at}: ${what}`, this.base + at, false);
  }

  private afterValue(): void {
    this.state = this.depth === 0 ? S.Done : this.stack[this.depth - 1] === OBJECT ? S.ObjectCommaOrEnd : S.ArrayCommaOrEnd;
  }

  /** The end of the innermost object or array. */
  private close(object: boolean): void {
    this.depth--;
    if (object) this.consumer.endObject();
    else this.consumer.endArray();
    this.afterValue();
  }

  private push(kind: number, at: number): void {
    if (this.depth >= MAX_JSON_DEPTH) this.fail(at, `nested deeper than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels`);
    this.stack[this.depth++] = kind;
  }

  /** Parses what it can of buf; returns where an unfinished token starts (buf.length when none). */
  private run(buf: Buffer, final: boolean): number {
    const n = buf.length;
    const c = this.consumer;
    let i = 0;
    while (i < n) {
      const ch = buf[i]!;
      if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) {
        i++;
        continue;
      }
      // An empty array or object ends at once; otherwise a first element or key follows.
      if (this.state === S.ArrayValueOrEnd) {
        if (ch === 0x5d) {
          this.close(false);
          i++;
          continue;
        }
        this.state = S.Value;
      } else if (this.state === S.ObjectKeyOrEnd) {
        if (ch === 0x7d) {
          this.close(true);
          i++;
          continue;
        }
        this.state = S.ObjectKey;
      }
      switch (this.state) {
        case S.Value: {
          if (ch === 0x7b && c.wholeObject) {
            const end = c.wholeObject(buf, i, this.scanner);
            if (end > 0) {
              this.afterValue();
              i = end;
              continue;
            }
          }
          if (ch === 0x7b) {
            this.push(OBJECT, i);
            c.startObject();
            this.state = S.ObjectKeyOrEnd;
            i++;
          } else if (ch === 0x5b) {
            this.push(ARRAY, i);
            c.startArray();
            this.state = S.ArrayValueOrEnd;
            i++;
          } else if (ch === 0x22) {
            const end = this.stringEnd(buf, i);
            if (end < 0) return i;
            c.value(this.decodeString(buf, i, end));
            this.afterValue();
            i = end + 1;
          } else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
            const end = this.numberEnd(buf, i, final);
            if (end < 0) return i;
            c.value(parseJsonNumber(buf, i, end));
            this.afterValue();
            i = end;
          } else if (ch === 0x74 || ch === 0x66 || ch === 0x6e) {
            const word = ch === 0x74 ? 'true' : ch === 0x66 ? 'false' : 'null';
            if (n - i < word.length) {
              if (!final && buf.toString('latin1', i, n) === word.slice(0, n - i)) return i;
              this.fail(i, `unexpected ${shown(ch)}`);
            }
            if (buf.toString('latin1', i, i + word.length) !== word) this.fail(i, `unexpected ${shown(ch)}`);
            c.value(word === 'true' ? true : word === 'false' ? false : null);
            this.afterValue();
            i += word.length;
          } else this.fail(i, `unexpected ${shown(ch)} where a value belongs`);
          continue;
        }
        case S.ObjectKey: {
          if (ch !== 0x22) this.fail(i, `unexpected ${shown(ch)} where a key belongs`);
          const end = this.stringEnd(buf, i);
          if (end < 0) return i;
          c.key(this.keyName(buf, i, end));
          this.state = S.Colon;
          i = end + 1;
          continue;
        }
        case S.Colon:
          if (ch !== 0x3a) this.fail(i, `unexpected ${shown(ch)} where ':' belongs`);
          this.state = S.Value;
          i++;
          continue;
        case S.ObjectCommaOrEnd:
          if (ch === 0x2c) this.state = S.ObjectKey;
          else if (ch === 0x7d) this.close(true);
          else this.fail(i, `unexpected ${shown(ch)} after a property value`);
          i++;
          continue;
        case S.ArrayCommaOrEnd:
          if (ch === 0x2c) this.state = S.Value;
          else if (ch === 0x5d) this.close(false);
          else this.fail(i, `unexpected ${shown(ch)} after an array element`);
          i++;
          continue;
        case S.Done:
          this.fail(i, `unexpected ${shown(ch)} after the end of the document`);
      }
    }
    return n;
  }

  /** The closing quote of the string opening at `start`, or -1 when the chunk ends first; sets `escaped`. */
  private stringEnd(buf: Buffer, start: number): number {
    this.escaped = false;
    for (let i = start + 1; i < buf.length; i++) {
      const ch = buf[i]!;
      if (ch === 0x22) return i;
      if (ch === 0x5c) {
        this.escaped = true;
        i++;
      }
      else if (ch < 0x20) this.fail(i, `a control character (${shown(ch)}) inside a string`);
    }
    return -1;
  }

  private decodeString(buf: Buffer, start: number, end: number): string {
    if (!this.escaped) return buf.toString('utf8', start + 1, end);
    try {
      return JSON.parse(buf.toString('utf8', start, end + 1)) as string;
    } catch {
      this.fail(start, 'a bad escape in a string');
    }
  }

  private keyName(buf: Buffer, start: number, end: number): string {
    const len = end - start - 1;
    if (len === 0) return '';
    // One slot per (length, first byte, last byte), refilled on a miss; a byte loop checks a hit.
    const slot = (len & 0xff) * 65536 + buf[start + 1]! * 256 + buf[end - 1]!;
    const k = this.keys.get(slot);
    if (k && k.bytes.length === len) {
      let j = 0;
      while (j < len && k.bytes[j] === buf[start + 1 + j]) j++;
      if (j === len) return k.name;
    }
    const name = this.decodeString(buf, start, end);
    if (len <= 64) this.keys.set(slot, { bytes: Buffer.from(buf.subarray(start + 1, end)), name });
    return name;
  }

  /** The end of the number starting at `start` (checked against JSON's grammar), or -1 to wait for more. */
  private numberEnd(buf: Buffer, start: number, final: boolean): number {
    const n = buf.length;
    let i = start;
    if (buf[i] === 0x2d) i++;
    let from = i;
    if (i < n && buf[i] === 0x30) i++;
    else {
      while (i < n && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
      if (i === from) return i < n || final ? this.fail(i, 'a number without digits') : -1;
    }
    if (i < n && buf[i] === 0x2e) {
      from = ++i;
      while (i < n && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
      if (i === from) return i < n || final ? this.fail(i, 'no digits after a decimal point') : -1;
    }
    if (i < n && (buf[i] === 0x65 || buf[i] === 0x45)) {
      i++;
      if (i < n && (buf[i] === 0x2b || buf[i] === 0x2d)) i++;
      from = i;
      while (i < n && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
      if (i === from) return i < n || final ? this.fail(i, 'no digits in an exponent') : -1;
    }
    // A number the chunk cuts off may go on in the next one.
    if (i === n && !final) return -1;
    if (i < n && buf[i]! >= 0x30 && buf[i]! <= 0x39) this.fail(i, 'a number with a leading zero');
    return i;
  }
}

/** 10^0 … 10^22: every one exact in a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A JSON number (already checked against the grammar) as JSON.parse reads it. A decimal whose digits
 * make an integer below 2^53 and that has at most 22 digits after its point is that integer
 * divided by a power of ten: both exact, so the one rounding of the division is the correct rounding
 * of the decimal (Clinger's fast path), which is what Number gives. The rest (exponents, 17 digits)
 * go through Number. Trees hold mostly such numbers: thresholds and class shares.
 */
export function parseJsonNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  const neg = buf[i] === 0x2d;
  if (neg) i++;
  let v = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x2e) {
      frac = 0;
      continue;
    }
    const d = c - 0x30;
    if (d < 0 || d > 9) return slow(buf, start, end);
    v = v * 10 + d;
    if (frac >= 0) frac++;
  }
  if (v >= 2 ** 53 || frac > 22) return slow(buf, start, end);
  const x = frac > 0 ? v / POW10[frac]! : v;
  return neg ? -x : x;
}

function slow(buf: Uint8Array, start: number, end: number): number {
  return Number(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
}
