import { useEffect } from 'react';
import { useFieldSession } from './field-session.js';

/** Speaks a field's message through the section's live region when it appears or changes. */
export function useAnnounced(label: string, message: string | undefined): void {
  const { announce } = useFieldSession();
  useEffect(() => {
    if (message) announce(`${label}: ${message}`);
  }, [message, label, announce]);
}
