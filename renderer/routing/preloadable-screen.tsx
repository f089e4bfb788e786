import { lazy, useState, type ComponentType } from 'react';

/**
 * A screen whose code loads on first use, and which can be fetched ahead of time.
 *
 * `React.lazy` alone suspends on its first render even when the module is already loaded (its
 * promise settles a microtask later), and React then holds the Suspense fallback for its reveal
 * throttle (300 ms): opening a draft waited 300 ms doing nothing. Once `preload()` has finished,
 * `Screen` renders the real component at once; before that it falls back to `React.lazy`. The
 * choice is made once per mount, so a screen never remounts (and loses its state) when the load
 * finishes while it is open.
 */
export function preloadableScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { preload, Screen };
}
