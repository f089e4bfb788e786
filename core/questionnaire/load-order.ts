import type { DependencyEdge } from './load-expressions.js';
import type { LoadError } from './loaded.js';

/**
 * Orders entries so that whatever a relevance or calculation reads comes first (Kahn's
 * algorithm, stable in document order). Entries left over are on, or behind, a cycle: each
 * cycle is reported once, at the reference that closes it.
 */
export function dependencyOrder(
  ids: readonly string[],
  edges: ReadonlyMap<string, readonly DependencyEdge[]>,
  words: ReadonlyMap<string, string>,
): { order: string[]; errors: LoadError[] } {
  const known = new Set(ids);
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const id of ids) {
    const deps = new Set((edges.get(id) ?? []).map((e) => e.to).filter((to) => known.has(to)));
    waitingOn.set(id, deps.size);
    for (const to of deps) {
      const list = dependents.get(to) ?? [];
      list.push(id);
      dependents.set(to, list);
    }
  }
  const order: string[] = [];
  const ready = ids.filter((id) => waitingOn.get(id) === 0);
  for (let i = 0; i < ready.length; i += 1) {
    const id = ready[i] as string;
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const left = (waitingOn.get(dependent) ?? 0) - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length === ids.length) return { order, errors: [] };
  const done = new Set(order);
  return { order, errors: reportCycles(ids.filter((id) => !done.has(id)), edges, words) };
}

function reportCycles(
  leftover: readonly string[],
  edges: ReadonlyMap<string, readonly DependencyEdge[]>,
  words: ReadonlyMap<string, string>,
): LoadError[] {
  const inCycle = new Set(leftover);
  const reported = new Set<string>();
  const errors: LoadError[] = [];
  for (const start of leftover) {
    if (reported.has(start)) continue;
    // Every leftover entry waits on another leftover one: walking such edges must loop.
    const walk: string[] = [];
    const walkEdges: DependencyEdge[] = [];
    const seenAt = new Map<string, number>();
    let current = start;
    while (!seenAt.has(current)) {
      seenAt.set(current, walk.length);
      walk.push(current);
      const edge = (edges.get(current) ?? []).find((e) => inCycle.has(e.to));
      if (!edge) break;
      walkEdges.push(edge);
      current = edge.to;
    }
    const from = seenAt.get(current);
    if (from === undefined) continue;
    const cycle = walk.slice(from);
    const cycleEdges = walkEdges.slice(from);
    if (cycle.some((id) => reported.has(id)) || cycleEdges.length !== cycle.length) continue;
    for (const id of cycle) reported.add(id);
    errors.push(cycleError(cycle, cycleEdges, words));
  }
  return errors;
}

function cycleError(cycle: readonly string[], cycleEdges: readonly DependencyEdge[], words: ReadonlyMap<string, string>): LoadError {
  // Report at the first expression edge, so the message can name a field and a column.
  const index = Math.max(0, cycleEdges.findIndex((e) => e.field !== 'inside'));
  const owner = cycle[index] as string;
  const edge = cycleEdges[index] as DependencyEdge;
  const rotated = [...cycle.slice(index), ...cycle.slice(0, index), owner];
  const fields = new Set(cycleEdges.map((e) => e.field));
  const only = fields.size === 1 ? [...fields][0] : undefined;
  const kind = only !== undefined && only !== 'inside' ? `cycle in ${only}` : 'cycle';
  const column = edge.span ? ` at column ${edge.span.start + 1}` : '';
  const field = edge.field === 'inside' ? '' : `, ${edge.field}${column}`;
  const via = kind === 'cycle' ? ` (through ${[...fields].map((f) => (f === 'inside' ? 'being inside' : f)).join(' and ')})` : '';
  return { path: edge.path, message: `${words.get(owner) ?? 'question'} "${owner}"${field}: ${kind}: ${rotated.join(' → ')}${via}` };
}
