/**
 * The restricted pattern syntax of `regex()`: a subset of JavaScript regular expressions
 * (with the `u` flag) that a Thompson automaton can run in time linear in the text.
 *
 * Supported: literal characters; `.`; classes `[a-z0-9_]`, `[^@\s]`; `\d \D \w \W \s \S`,
 * `\t \n \r`, and `\` before any of `\ ^ $ . | ? * + ( ) [ ] { } /` (and `-` inside a class); quantifiers `*`, `+`,
 * `?`, `{n}`, `{n,}`, `{n,m}` (bounds at most MAX_REPEAT); alternation `|`; groups `( )` and
 * `(?: )`; anchors `^` and `$`. Refused, each with its own message: backreferences,
 * lookaround, named groups, lazy quantifiers, word boundaries, flags.
 *
 * Every pattern this parser accepts means the same in JavaScript (`new RegExp(p, 'u')`): the
 * property tests compare the two.
 */

/** Characters as code point ranges `[lo, hi]`, sorted; `negated` takes the complement. */
export interface CharSet {
  readonly ranges: readonly (readonly [number, number])[];
  readonly negated: boolean;
}

export type PatternNode =
  | { readonly type: 'empty' }
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'concat'; readonly items: readonly PatternNode[] }
  | { readonly type: 'alt'; readonly items: readonly PatternNode[] }
  | { readonly type: 'repeat'; readonly item: PatternNode; readonly min: number; readonly max: number }
  | { readonly type: 'start' }
  | { readonly type: 'end' };

/** A pattern that is not in the supported syntax. `index` is the 0-based position in the pattern. */
export class PatternError extends Error {
  readonly index: number;

  constructor(message: string, index: number) {
    super(message);
    this.name = 'PatternError';
    this.index = index;
  }
}

export const MAX_PATTERN_LENGTH = 1000;
/** Largest bound of `{n,m}`: a bound is expanded into copies of what it repeats. */
export const MAX_REPEAT = 100;
const MAX_NESTING = 50;

const SYNTAX = '\\^$.|?*+()[]{}/-';
const DIGIT: CharSet = { ranges: [[0x30, 0x39]], negated: false };
const WORD: CharSet = { ranges: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]], negated: false };
/** JavaScript's `\s`: WhiteSpace and LineTerminator. */
const SPACE: CharSet = {
  ranges: [
    [0x09, 0x0d],
    [0x20, 0x20],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
  negated: false,
};
/** `.` without the `s` flag: anything but a line terminator. */
export const DOT: CharSet = { ranges: [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]], negated: true };

const single = (cp: number): CharSet => ({ ranges: [[cp, cp]], negated: false });
const negate = (set: CharSet): CharSet => ({ ranges: set.ranges, negated: !set.negated });

export function parsePattern(source: string): PatternNode {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`a pattern may have at most ${MAX_PATTERN_LENGTH} characters`, 0);
  // Code points, as RegExp reads a pattern with the u flag ("😀" is one character, not two).
  const parser = new Parser(Array.from(source));
  const node = parser.alternation(0);
  if (!parser.done()) throw new PatternError('")" without a matching "("', parser.index);
  return node;
}

class Parser {
  index = 0;

  constructor(private readonly chars: readonly string[]) {}

  done(): boolean {
    return this.index >= this.chars.length;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.index + offset];
  }

  alternation(depth: number): PatternNode {
    if (depth > MAX_NESTING) throw new PatternError(`groups nested more than ${MAX_NESTING} deep`, this.index);
    const items = [this.sequence(depth)];
    while (this.peek() === '|') {
      this.index += 1;
      items.push(this.sequence(depth));
    }
    return items.length === 1 ? (items[0] as PatternNode) : { type: 'alt', items };
  }

  private sequence(depth: number): PatternNode {
    const items: PatternNode[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') break;
      const start = this.index;
      const atom = this.atom(depth);
      items.push(this.quantified(atom, start));
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? (items[0] as PatternNode) : { type: 'concat', items };
  }

  private atom(depth: number): PatternNode {
    const at = this.index;
    const ch = this.peek() as string;
    this.index += 1;
    switch (ch) {
      case '^':
        return { type: 'start' };
      case '$':
        return { type: 'end' };
      case '.':
        return { type: 'chars', set: DOT };
      case '[':
        return { type: 'chars', set: this.charClass(at) };
      case '(':
        return this.group(at, depth);
      case '\\':
        return { type: 'chars', set: this.escape(at, false) };
      case '*':
      case '+':
      case '?':
        throw new PatternError(`"${ch}" has nothing before it to repeat`, at);
      case '{':
        throw new PatternError('"{" starts a repetition such as {2,5} and needs something before it; write \\{ for the character', at);
      case '}':
      case ']':
        throw new PatternError(`write \\${ch} for the character "${ch}"`, at);
      default:
        return { type: 'chars', set: single(ch.codePointAt(0) ?? 0) };
    }
  }

  private group(at: number, depth: number): PatternNode {
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') this.index += 2;
      else if (next === '=' || next === '!') throw new PatternError('lookahead "(?=" and "(?!" is not supported', at);
      else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) throw new PatternError('lookbehind "(?<=" and "(?<!" is not supported', at);
      else if (next === '<') throw new PatternError('named groups "(?<name>" are not supported: use "(" or "(?:"', at);
      else throw new PatternError('flags and other "(?" groups are not supported', at);
    }
    const inner = this.alternation(depth + 1);
    if (this.peek() !== ')') throw new PatternError('"(" without a matching ")"', at);
    this.index += 1;
    return inner;
  }

  private quantified(atom: PatternNode, atomStart: number): PatternNode {
    const at = this.index;
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') [min, max] = this.bounds(at);
    else return atom;
    if (ch !== '{') this.index += 1;
    // A bare anchor cannot be repeated (as in JavaScript); a group holding one can.
    if ((atom.type === 'start' || atom.type === 'end') && this.chars[atomStart] !== '(') throw new PatternError('an anchor ("^" or "$") cannot be repeated', atomStart);
    const next = this.peek();
    if (next === '?') throw new PatternError('lazy quantifiers ("*?", "+?"…) are not supported: a check needs no laziness', this.index);
    if (next === '*' || next === '+' || next === '{') throw new PatternError(`"${next}" follows another repetition: put the repeated part in a group`, this.index);
    return { type: 'repeat', item: atom, min, max };
  }

  /** `{n}`, `{n,}` or `{n,m}` at `at`; moves past it. */
  private bounds(at: number): [number, number] {
    let i = at + 1;
    const number = (): number | undefined => {
      let text = '';
      while (/^[0-9]$/.test(this.chars[i] ?? '')) text += this.chars[i++] as string;
      return text === '' ? undefined : Number(text);
    };
    const min = number();
    let max: number | undefined = min;
    if (this.chars[i] === ',') {
      i += 1;
      max = number() ?? Infinity;
    }
    if (min === undefined || max === undefined || this.chars[i] !== '}') throw new PatternError('a repetition is written {n}, {n,} or {n,m}; write \\{ for the character "{"', at);
    this.index = i + 1;
    if (max < min) throw new PatternError(`in {${min},${max}} the first number is greater than the second`, at);
    if ((max === Infinity ? min : max) > MAX_REPEAT) throw new PatternError(`a repetition may count at most ${MAX_REPEAT}`, at);
    return [min, max];
  }

  /** After `\` at `at` (the index is just past the backslash). */
  private escape(at: number, inClass: boolean): CharSet {
    const ch = this.peek();
    if (ch === undefined) throw new PatternError('the pattern ends with a lone "\\"', at);
    this.index += 1;
    switch (ch) {
      case 'd':
        return DIGIT;
      case 'D':
        return negate(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return negate(WORD);
      case 's':
        return SPACE;
      case 'S':
        return negate(SPACE);
      case 't':
        return single(0x09);
      case 'n':
        return single(0x0a);
      case 'r':
        return single(0x0d);
      case 'b':
      case 'B':
        throw new PatternError(inClass ? '"\\b" inside [ ] is not supported' : 'word boundaries ("\\b", "\\B") are not supported', at);
      default:
        if (/^[0-9]$/.test(ch)) throw new PatternError('backreferences ("\\1"…) are not supported', at);
        // As in JavaScript with the u flag, an escaped "-" is allowed inside a class only.
        if (ch === '-' && !inClass) throw new PatternError('write "-" without "\\" outside [ ]', at);
        if (SYNTAX.includes(ch)) return single(ch.codePointAt(0) ?? 0);
        throw new PatternError(`"\\${ch}" is not a supported escape`, at);
    }
  }

  /** After `[` at `at`. */
  private charClass(at: number): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.index += 1;
    }
    const ranges: [number, number][] = [];
    let first = true;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new PatternError('"[" without a matching "]"', at);
      if (ch === ']') {
        if (first) throw new PatternError('an empty class "[]" or "[^]" is not supported', at);
        this.index += 1;
        break;
      }
      first = false;
      const lo = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        const dash = this.index;
        this.index += 1;
        const hi = this.classAtom();
        if (lo.kind === 'set' || hi.kind === 'set') throw new PatternError('a range needs single characters at both ends, not a class such as \\d', dash);
        if (hi.cp < lo.cp) throw new PatternError('a range must go from the smaller character to the larger', dash);
        ranges.push([lo.cp, hi.cp]);
      } else if (lo.kind === 'set') {
        ranges.push(...classRanges(lo.set));
      } else {
        ranges.push([lo.cp, lo.cp]);
      }
    }
    return { ranges: normalizeRanges(ranges), negated };
  }

  private classAtom(): { kind: 'char'; cp: number } | { kind: 'set'; set: CharSet } {
    const at = this.index;
    const ch = this.peek() as string;
    this.index += 1;
    if (ch === '\\') {
      const set = this.escape(at, true);
      const only = set.ranges[0];
      if (!set.negated && set.ranges.length === 1 && only && only[0] === only[1]) return { kind: 'char', cp: only[0] };
      return { kind: 'set', set };
    }
    if (ch === '[') throw new PatternError('write \\[ for the character "[" inside a class', at);
    return { kind: 'char', cp: ch.codePointAt(0) ?? 0 };
  }
}

const MAX_CODE_POINT = 0x10ffff;

/** The ranges a set matches, complement applied. */
export function classRanges(set: CharSet): [number, number][] {
  const sorted = normalizeRanges(set.ranges.map(([a, b]) => [a, b] as [number, number]));
  if (!set.negated) return sorted;
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function normalizeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
