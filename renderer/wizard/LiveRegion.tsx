import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A polite aria-live region and the function that speaks through it. Messages arriving
 * together (one validation) are read as one announcement.
 */
export function useAnnouncer() {
  const [text, setText] = useState('');
  const queue = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((message: string) => {
    if (!queue.current.includes(message)) queue.current.push(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setText(queue.current.join(' '));
      queue.current = [];
    }, 150);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { text, announce };
}

export function LiveRegion({ text }: { text: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="visually-hidden" id="field-announcements">
      {text}
    </div>
  );
}
