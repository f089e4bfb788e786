import { createContext, useContext, useEffect } from 'react';
import type { Language } from '../../core/contract/channels/drafts.js';

export type LanguageHandler = (lang: Language) => void;

/**
 * The header's language menu asks the open screen to switch: a draft flushes its answers
 * and records the language first; other screens just switch.
 */
export const LanguageHandlerContext = createContext<(handler: LanguageHandler | undefined) => void>(() => undefined);

export function useLanguageHandler(handler: LanguageHandler): void {
  const register = useContext(LanguageHandlerContext);
  useEffect(() => {
    register(handler);
    return () => register(undefined);
  }, [register, handler]);
}
