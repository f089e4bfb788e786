import type { FieldErrors } from 'react-hook-form';

/**
 * The section's validation messages by form field name, outside react-hook-form's form state:
 * RHF tells every field subscribed to errors whenever any error changes, which in a section of
 * a thousand questions re-renders a thousand fields. Here a field hears only of its own message.
 */
export function createErrorStore() {
  let messages = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const notify = (name: string) => {
    for (const listener of listeners.get(name) ?? []) listener();
  };
  return {
    get: (name: string): string | undefined => messages.get(name),
    subscribe: (name: string, listener: () => void): (() => void) => {
      const set = listeners.get(name) ?? new Set<() => void>();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    /** Replaces every message; only fields whose message changed are told. */
    publish: (next: ReadonlyMap<string, string>): void => {
      const previous = messages;
      messages = new Map(next);
      for (const name of new Set([...previous.keys(), ...next.keys()])) if (previous.get(name) !== next.get(name)) notify(name);
    },
    clear: (name: string): void => {
      if (!messages.has(name)) return;
      messages.delete(name);
      notify(name);
    },
  };
}
export type ErrorStore = ReturnType<typeof createErrorStore>;

/** `{ q: { message }, g: [{ q: { message } }] }` → `q`, `g.0.q` → message. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value !== 'object') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && 'type' in value) out.set(name, message);
    else for (const [k, v] of flattenErrors(value as FieldErrors, name)) out.set(k, v);
  }
  return out;
}
