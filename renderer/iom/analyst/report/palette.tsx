import { PatternCircles, PatternLines, type PatternOrientationType } from '@visx/pattern';

/**
 * Okabe and Ito's palette, safe for the common colour blindnesses, in an order where
 * neighbours differ in lightness too; each series also gets its own pattern, and every bar
 * carries its number as text, so no reading depends on colour alone (nor on colour at all in
 * a black-and-white print).
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const colourOf = (i: number): string => OKABE_ITO[i % OKABE_ITO.length] ?? '#000000';

type PatternKind = 'solid' | 'diagonal' | 'horizontal' | 'dots' | 'vertical' | 'cross';
const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'horizontal', 'vertical', 'cross'];

/** The fill of series `i` in a chart whose patterns carry the prefix `id`. */
export function fillOf(id: string, i: number): string {
  const kind = PATTERNS[i % PATTERNS.length] ?? 'solid';
  return kind === 'solid' ? colourOf(i) : `url(#${id}-p${String(i)})`;
}

/** The pattern definitions of `count` series (inside the chart's <svg>, so a saved SVG carries them). */
export function ChartPatterns({ id, count }: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const kind = PATTERNS[i % PATTERNS.length] ?? 'solid';
        const pid = `${id}-p${String(i)}`;
        const colour = colourOf(i);
        // A light ink on a dark colour and a dark one on a light colour, so the pattern shows on both.
        const ink = i % OKABE_ITO.length === 6 || i % OKABE_ITO.length === 4 || i % OKABE_ITO.length === 1 ? '#000000' : '#ffffff';
        if (kind === 'solid') return null;
        if (kind === 'dots') return <PatternCircles key={pid} id={pid} width={6} height={6} radius={1.3} fill={ink} background={colour} complement />;
        const orientation: PatternOrientationType[] =
          kind === 'diagonal' ? ['diagonal'] : kind === 'horizontal' ? ['horizontal'] : kind === 'vertical' ? ['vertical'] : ['horizontal', 'vertical'];
        return <PatternLines key={pid} id={pid} width={6} height={6} stroke={ink} strokeWidth={1.5} background={colour} orientation={orientation} />;
      })}
    </defs>
  );
}
