import { compileProgram, type Instruction, runProgram, type RunStats } from './program.js';
import { parsePattern } from './syntax.js';

export { PatternError, MAX_PATTERN_LENGTH, MAX_REPEAT } from './syntax.js';
export { MAX_INSTRUCTIONS, type RunStats } from './program.js';

/** A checked, compiled pattern: `test(text)` says whether it matches somewhere in the text, in linear time. */
export interface Pattern {
  readonly source: string;
  /** Instructions of the automaton: the work per character of text is at most twice this. */
  readonly size: number;
  test(text: string, stats?: RunStats): boolean;
}

/** Compiles a pattern of the restricted syntax, or throws a PatternError saying what is not supported and where. */
export function compilePattern(source: string): Pattern {
  const program: readonly Instruction[] = compileProgram(parsePattern(source));
  return { source, size: program.length, test: (text, stats) => runProgram(program, text, stats) };
}

// A questionnaire has a handful of patterns, each checked on every evaluation: compile each once.
const cache = new Map<string, Pattern>();
const CACHE_SIZE = 200;

/** `compilePattern`, remembered. */
export function patternFor(source: string): Pattern {
  let pattern = cache.get(source);
  if (!pattern) {
    pattern = compilePattern(source);
    if (cache.size >= CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(source, pattern);
  }
  return pattern;
}
