import { useEffect, type RefObject } from 'react';

/**
 * Publishes the sticky header's height as `--sticky-head` on the workspace, so the section
 * list sticks just below it, whatever the header's wrapping (a long title, Arabic, 1024 px).
 */
export function useStickyHeight(head: RefObject<HTMLElement | null>, target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = head.current;
    const host = target.current;
    if (!el || !host || typeof ResizeObserver === 'undefined') return;
    const publish = () => host.style.setProperty('--sticky-head', `${String(Math.ceil(el.getBoundingClientRect().height))}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => observer.disconnect();
  }, [head, target]);
}
