import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadableScreen } from '../../renderer/routing/preloadable-screen.js';

/**
 * A screen loaded on first use. Once preloaded it must render at once, with no Suspense fallback:
 * React.lazy alone shows the fallback even for a module already loaded and holds it for its
 * 300 ms reveal throttle, which is what made opening a draft wait.
 */
function Greeting({ name }: { readonly name: string }) {
  return <p>Hello {name}</p>;
}

function inSuspense(node: React.ReactNode) {
  return <Suspense fallback={<p>Loading</p>}>{node}</Suspense>;
}

describe('a screen that loads on first use', () => {
  it('renders at once, without the fallback, once preloaded', async () => {
    let loads = 0;
    const { preload, Screen } = preloadableScreen(() => {
      loads++;
      return Promise.resolve(Greeting);
    });
    await preload();
    render(inSuspense(<Screen name="Amina" />));
    // Synchronously after the first render: no fallback was ever committed.
    expect(screen.queryByText('Loading')).toBeNull();
    expect(screen.getByText('Hello Amina')).toBeTruthy();
    await preload();
    expect(loads, 'the module is loaded once').toBe(1);
  });

  it('shows the fallback, then the screen, when opened before its code has loaded', async () => {
    let finish: (c: typeof Greeting) => void = () => undefined;
    const { Screen } = preloadableScreen(() => new Promise<typeof Greeting>((resolve) => (finish = resolve)));
    render(inSuspense(<Screen name="Jean" />));
    expect(screen.getByText('Loading')).toBeTruthy();
    await act(async () => {
      finish(Greeting);
      await Promise.resolve();
    });
    expect(await screen.findByText('Hello Jean', {}, { timeout: 2000 })).toBeTruthy();
  });
});
