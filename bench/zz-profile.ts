// Temporary: CPU profile of a page load or action, aggregated by function (self time) and by bundle line.
import type { CDPSession, Page } from 'playwright-core';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

export async function stopProfile(cdp: CDPSession, top = 40): Promise<string> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const agg = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + t);
    // inclusive: walk up, counting each key once
    const seen = new Set<string>();
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const m = byId.get(cur);
      if (!m) break;
      const k = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.replace(/.*\//, '')}:${m.callFrame.lineNumber}:${m.callFrame.columnNumber}`;
      if (!seen.has(k)) { total.set(k, (total.get(k) ?? 0) + t); seen.add(k); }
      cur = parent.get(cur);
    }
  }
  const fmt = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  return `total ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms\n-- self\n${fmt(agg)}\n-- inclusive\n${fmt(total)}`;
}
