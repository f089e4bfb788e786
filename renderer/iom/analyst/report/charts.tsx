import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ReactNode } from 'react';
import { ChartPatterns, fillOf } from './palette.js';

/**
 * The reports' three charts, drawn with visx as plain SVG (so a chart can be saved as an SVG or
 * PNG file as shown): horizontal bars (choices), 100% stacked bars (scales, matrices) and
 * columns (histograms, timelines). Every bar carries its number as text (direct labels), each
 * series a colour and a pattern, and the legend is inside the SVG. Right-to-left languages get
 * the chart mirrored. The charts are `aria-hidden`: the table under each says the same in words.
 */

export interface Series {
  readonly label: string;
}
export interface Category {
  readonly label: string;
  /** One value per series. */
  readonly values: readonly number[];
  /** What each bar says (e.g. "12 (40 %)"). */
  readonly texts: readonly string[];
}

const WIDTH = 640;
const FONT = 12;
const LINE = 16;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

interface FrameProps {
  readonly id: string;
  readonly height: number;
  readonly rtl: boolean;
  readonly series: readonly Series[];
  readonly legendTop: number;
  readonly children: ReactNode;
}

/** The <svg> with its patterns and a legend (one series per line) under the chart. */
function Frame({ id, height, rtl, series, legendTop, children }: FrameProps) {
  const legend = series.length > 1 ? series.length * LINE + 8 : 0;
  const total = height + legend;
  const x = (left: number) => (rtl ? WIDTH - left : left);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${String(WIDTH)} ${String(total)}`}
      width={WIDTH}
      height={total}
      className="report-chart"
      aria-hidden="true"
      fontFamily="system-ui, sans-serif"
      // Positions and anchors here are computed for both directions: the page's rtl must not flip them again.
      direction="ltr"
      fontSize={FONT}
    >
      <ChartPatterns id={id} count={series.length} />
      <rect width={WIDTH} height={total} fill="#ffffff" />
      {children}
      {series.length > 1 &&
        series.map((s, i) => (
          <g key={s.label} transform={`translate(0 ${String(legendTop + 8 + i * LINE)})`}>
            <rect x={rtl ? WIDTH - 12 - 14 : 12} y={0} width={14} height={12} fill={fillOf(id, i)} stroke="#000" strokeWidth={0.5} />
            <text x={x(32)} y={10} textAnchor={rtl ? 'end' : 'start'}>
              {clip(s.label, 80)}
            </text>
          </g>
        ))}
    </svg>
  );
}

/** Horizontal bars: one row per category, one bar per series in it; `max` is the axis's end (e.g. 100 for percentages). */
export function HorizontalBars({ id, categories, series, max, rtl }: { id: string; categories: readonly Category[]; series: readonly Series[]; max: number; rtl: boolean }) {
  const labelWidth = 230;
  const valueRoom = 80;
  const barHeight = 14;
  const rowHeight = series.length * barHeight + 10;
  const height = categories.length * rowHeight + 8;
  const length = scaleLinear({ domain: [0, Math.max(max, 1)], range: [0, WIDTH - labelWidth - valueRoom - 12] });
  const place = (left: number, width: number) => (rtl ? WIDTH - left - width : left);
  const anchor = rtl ? 'end' : 'start';
  return (
    <Frame id={id} height={height} rtl={rtl} series={series} legendTop={height}>
      {categories.map((c, ci) => (
        <Group key={`${c.label}-${String(ci)}`} top={4 + ci * rowHeight}>
          <text x={rtl ? WIDTH - 8 : 8} y={(series.length * barHeight) / 2 + 4} textAnchor={anchor}>
            {clip(c.label, 34)}
          </text>
          {series.map((_, si) => {
            const w = Math.max(length(c.values[si] ?? 0), c.values[si] ? 1 : 0);
            const left = labelWidth;
            return (
              <g key={si}>
                <Bar x={place(left, w)} y={si * barHeight} width={w} height={barHeight - 2} fill={fillOf(id, si)} stroke="#000" strokeWidth={0.5} />
                <text x={rtl ? WIDTH - left - w - 4 : left + w + 4} y={si * barHeight + barHeight - 4} textAnchor={anchor}>
                  {c.texts[si] ?? ''}
                </text>
              </g>
            );
          })}
        </Group>
      ))}
    </Frame>
  );
}

/** 100% stacked bars: one bar per category, one segment per series (the scale's points), with percentages written on wide segments. */
export function StackedBars({ id, categories, series, rtl }: { id: string; categories: readonly Category[]; series: readonly Series[]; rtl: boolean }) {
  const labelWidth = 200;
  const barHeight = 22;
  const rowHeight = barHeight + 10;
  const height = categories.length * rowHeight + 8;
  const room = WIDTH - labelWidth - 16;
  return (
    <Frame id={id} height={height} rtl={rtl} series={series} legendTop={height}>
      {categories.map((c, ci) => {
        const total = c.values.reduce((a, b) => a + b, 0);
        let offset = 0;
        return (
          <Group key={`${c.label}-${String(ci)}`} top={4 + ci * rowHeight}>
            <text x={rtl ? WIDTH - 8 : 8} y={barHeight / 2 + 4} textAnchor={rtl ? 'end' : 'start'}>
              {clip(c.label, 30)}
            </text>
            {c.values.map((v, si) => {
              const w = total > 0 ? (v / total) * room : 0;
              const left = labelWidth + offset;
              offset += w;
              if (w <= 0) return null;
              const x = rtl ? WIDTH - left - w : left;
              return (
                <g key={si}>
                  <Bar x={x} y={0} width={w} height={barHeight} fill={fillOf(id, si)} stroke="#000" strokeWidth={0.5} />
                  {w > 34 && (
                    <text x={x + w / 2} y={barHeight / 2 + 4} textAnchor="middle" fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                      {c.texts[si] ?? ''}
                    </text>
                  )}
                </g>
              );
            })}
          </Group>
        );
      })}
    </Frame>
  );
}

/** Columns over ordered categories (bins, months, years): one column per series in each, its count above it. */
export function Columns({ id, categories, series, rtl }: { id: string; categories: readonly Category[]; series: readonly Series[]; rtl: boolean }) {
  const plotTop = 16;
  const plotHeight = 160;
  const labelRoom = 60;
  const height = plotTop + plotHeight + labelRoom;
  const domain = categories.map((_, i) => String(i));
  const x = scaleBand({ domain: rtl ? [...domain].reverse() : domain, range: [12, WIDTH - 12], padding: 0.15 });
  const max = Math.max(1, ...categories.flatMap((c) => c.values));
  const y = scaleLinear({ domain: [0, max], range: [plotHeight, 0] });
  const inner = scaleBand({ domain: series.map((_, i) => String(i)), range: [0, x.bandwidth()], padding: 0.05 });
  const tilt = categories.length > 8;
  return (
    <Frame id={id} height={height} rtl={rtl} series={series} legendTop={height}>
      <Group top={plotTop}>
        <line x1={12} x2={WIDTH - 12} y1={plotHeight} y2={plotHeight} stroke="#000" />
        {categories.map((c, ci) => {
          const left = x(String(ci)) ?? 0;
          return (
            <g key={`${c.label}-${String(ci)}`}>
              {series.map((_, si) => {
                const v = c.values[si] ?? 0;
                const bx = left + (inner(String(si)) ?? 0);
                const top = y(v);
                return (
                  <g key={si}>
                    <Bar x={bx} y={top} width={inner.bandwidth()} height={plotHeight - top} fill={fillOf(id, si)} stroke="#000" strokeWidth={0.5} />
                    {v > 0 && (
                      <text x={bx + inner.bandwidth() / 2} y={top - 3} textAnchor="middle" fontSize={10}>
                        {c.texts[si] ?? ''}
                      </text>
                    )}
                  </g>
                );
              })}
              <text
                x={left + x.bandwidth() / 2}
                y={plotHeight + 14}
                textAnchor={tilt ? 'end' : 'middle'}
                fontSize={10}
                transform={tilt ? `rotate(-35 ${String(left + x.bandwidth() / 2)} ${String(plotHeight + 14)})` : undefined}
              >
                {clip(c.label, 18)}
              </text>
            </g>
          );
        })}
      </Group>
    </Frame>
  );
}
