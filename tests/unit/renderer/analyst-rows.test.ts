import { describe, expect, it } from 'vitest';
import type { SubmissionSummaryView, SubmissionWithAnswersView } from '../../../core/contract/channels/iom.js';
import { analystRow } from '../../../renderer/iom/analyst/analyst-model.js';
import { parseInIdleTime } from '../../../renderer/iom/analyst/parse-in-idle-time.js';

/** The analyst's rows arrive with their answers as text: parsed once, when first read, or a slice at a time meanwhile. */

const summary = { submissionId: 's' } as SubmissionSummaryView;

/** A wire row that counts how often its answers' text is read. */
function counted(responsesJson: string): { wire: SubmissionWithAnswersView; reads: () => number } {
  let reads = 0;
  const wire = {
    summary,
    answersText: 'folded',
    get responsesJson() {
      reads++;
      return responsesJson;
    },
  };
  return { wire, reads: () => reads };
}

describe('an analyst row', () => {
  it('parses its answers when first read, once', () => {
    const { wire, reads } = counted('{"mechanism":"midcom","years_active":12}');
    const row = analystRow(wire);
    expect(reads()).toBe(0);
    expect(row.summary).toBe(summary);
    expect(row.answersText).toBe('folded');
    expect(row.responses).toEqual({ mechanism: 'midcom', years_active: 12 });
    expect(row.responses).toBe(row.responses);
    expect(reads()).toBe(1);
  });

  it('reads as no answers when its text is not a JSON object, rather than breaking the table', () => {
    for (const text of ['not json', '[1,2]', 'null', '"text"', '']) expect(analystRow(counted(text).wire).responses, text).toEqual({});
  });
});

describe('parsing in idle time', () => {
  it('parses every row a slice at a time, letting other work run between slices', async () => {
    const wires = Array.from({ length: 300 }, (_, i) => counted(JSON.stringify({ n: i })));
    const rows = wires.map((w) => analystRow(w.wire));
    // Slices of (at least) one row: other timers get their turn between them.
    parseInIdleTime(rows, 0);
    let between = 0;
    const other = setInterval(() => between++, 0);
    while (wires.some((w) => w.reads() === 0)) await new Promise((resolve) => setTimeout(resolve, 1));
    clearInterval(other);
    expect(between).toBeGreaterThan(0);
    expect(wires.every((w) => w.reads() === 1)).toBe(true);
    expect(rows.map((r) => r.responses.n)).toEqual(wires.map((_, i) => i));
  });

  it('stops when told, and a row read before its turn is parsed then, once', async () => {
    const wires = Array.from({ length: 50 }, (_, i) => counted(JSON.stringify({ n: i })));
    const rows = wires.map((w) => analystRow(w.wire));
    expect(rows[40]?.responses).toEqual({ n: 40 });
    const stop = parseInIdleTime(rows, 0);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wires.filter((w) => w.reads() > 0)).toHaveLength(1);
    parseInIdleTime(rows);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wires.every((w) => w.reads() === 1)).toBe(true);
  });
});
