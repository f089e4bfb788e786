import { classRanges, type PatternNode, PatternError } from './syntax.js';

/**
 * A pattern compiled to a Thompson automaton: a list of instructions where `split` forks
 * and `jmp` jumps without reading anything. `chars` reads one code point in a set of
 * ranges (flattened `[lo0, hi0, lo1, hi1…]`, sorted, complement already applied).
 */
export type Instruction =
  | { readonly op: 'chars'; readonly ranges: Int32Array }
  | { readonly op: 'split'; readonly x: number; readonly y: number }
  | { readonly op: 'jmp'; readonly x: number }
  | { readonly op: 'start' }
  | { readonly op: 'end' }
  | { readonly op: 'match' };

/** Far more than any real check needs; `{n,m}` is expanded, so this bounds the work per character. */
export const MAX_INSTRUCTIONS = 5000;

type Mutable = { op: 'chars'; ranges: Int32Array } | { op: 'split'; x: number; y: number } | { op: 'jmp'; x: number } | { op: 'start' } | { op: 'end' } | { op: 'match' };

export function compileProgram(root: PatternNode): readonly Instruction[] {
  const prog: Mutable[] = [];
  const push = (inst: Mutable): number => {
    if (prog.length >= MAX_INSTRUCTIONS) {
      throw new PatternError(`the pattern is too large once its repetitions are counted out (more than ${MAX_INSTRUCTIONS} steps): use smaller {n,m} bounds`, 0);
    }
    prog.push(inst);
    return prog.length - 1;
  };
  const emit = (node: PatternNode): void => {
    switch (node.type) {
      case 'empty':
        return;
      case 'chars':
        push({ op: 'chars', ranges: Int32Array.from(classRanges(node.set).flat()) });
        return;
      case 'start':
      case 'end':
        push({ op: node.type });
        return;
      case 'concat':
        for (const item of node.items) emit(item);
        return;
      case 'alt': {
        const jumps: Mutable[] = [];
        node.items.forEach((item, i) => {
          if (i === node.items.length - 1) {
            emit(item);
            return;
          }
          const split = { op: 'split' as const, x: 0, y: 0 };
          split.x = push(split) + 1;
          emit(item);
          const jump = { op: 'jmp' as const, x: 0 };
          push(jump);
          jumps.push(jump);
          split.y = prog.length;
        });
        for (const jump of jumps) if (jump.op === 'jmp') jump.x = prog.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i += 1) emit(node.item);
        if (node.max === Infinity) {
          // L: split(body, out); body; jmp L; out:
          const split = { op: 'split' as const, x: 0, y: 0 };
          const loop = push(split);
          split.x = loop + 1;
          emit(node.item);
          push({ op: 'jmp', x: loop });
          split.y = prog.length;
          return;
        }
        // (x(x(x)?)?)?: once one optional copy is skipped, so are the rest.
        const splits: { op: 'split'; x: number; y: number }[] = [];
        for (let i = node.min; i < node.max; i += 1) {
          const split = { op: 'split' as const, x: 0, y: 0 };
          split.x = push(split) + 1;
          splits.push(split);
          emit(node.item);
        }
        for (const split of splits) split.y = prog.length;
        return;
      }
    }
  };
  emit(root);
  push({ op: 'match' });
  return prog;
}

/** Whether code point `cp` is in the flattened, sorted ranges (binary search). */
function inRanges(ranges: Int32Array, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const from = ranges[2 * mid] as number;
    const to = ranges[2 * mid + 1] as number;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The work done by one run, for the linear-time property test: instructions visited. */
export interface RunStats {
  steps: number;
}

/**
 * Whether the program matches somewhere in `text` (like `RegExp.prototype.test`). All
 * threads advance together one code point at a time, and a state is entered at most once
 * per position, so the work is at most (code points + 1) × 2 × instructions, whatever the
 * pattern: no backtracking, no catastrophic case.
 */
export function runProgram(prog: readonly Instruction[], text: string, stats?: RunStats): boolean {
  const size = prog.length;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  let currentCount = 0;
  let nextCount = 0;
  const mark = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size);
  let generation = 0;
  // Fields, not locals: `add` sets them, and TypeScript does not follow assignments made in a closure.
  const run = { steps: 0, matched: false };

  /** Adds `pc` and everything reachable from it without reading, to `list`. */
  const add = (list: Int32Array, count: number, pc: number, atStart: boolean, atEnd: boolean): number => {
    let top = 0;
    stack[top++] = pc;
    while (top > 0) {
      const at = stack[--top] as number;
      if (mark[at] === generation) continue;
      mark[at] = generation;
      run.steps += 1;
      const inst = prog[at] as Instruction;
      switch (inst.op) {
        case 'chars':
          list[count++] = at;
          break;
        case 'jmp':
          stack[top++] = inst.x;
          break;
        case 'split':
          stack[top++] = inst.y;
          stack[top++] = inst.x;
          break;
        case 'start':
          if (atStart) stack[top++] = at + 1;
          break;
        case 'end':
          if (atEnd) stack[top++] = at + 1;
          break;
        case 'match':
          run.matched = true;
          break;
      }
    }
    return count;
  };

  let i = 0;
  currentCount = add(current, 0, 0, true, text.length === 0);
  while (!run.matched && i < text.length) {
    const cp = text.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    const atEnd = i >= text.length;
    generation += 1;
    nextCount = 0;
    for (let k = 0; k < currentCount; k += 1) {
      const pc = current[k] as number;
      run.steps += 1;
      const inst = prog[pc] as Instruction & { op: 'chars' };
      if (inRanges(inst.ranges, cp)) nextCount = add(next, nextCount, pc + 1, false, atEnd);
    }
    // A match may also begin at the next position.
    nextCount = add(next, nextCount, 0, false, atEnd);
    [current, next] = [next, current];
    currentCount = nextCount;
  }
  if (stats) stats.steps += run.steps;
  return run.matched;
}
