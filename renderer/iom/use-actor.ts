import { useState } from 'react';

const KEY = 'iscm.iom.actor';

/**
 * Who takes the decisions in the workspace (recorded with every key, duplicate and setting
 * decision): typed once, remembered on this computer for the next panel and the next session.
 */
export function useActor(): [string, (name: string) => void] {
  const [actor, setActor] = useState(() => window.localStorage.getItem(KEY) ?? '');
  const set = (name: string): void => {
    setActor(name);
    window.localStorage.setItem(KEY, name);
  };
  return [actor, set];
}
