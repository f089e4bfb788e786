import { useEffect, useMemo, useState } from 'react';
import type { Draft } from '../../core/contract/channels/drafts.js';
import { createAutosaver, type SaveStatus } from '../autosave/autosaver.js';
import { SaveIndicator } from '../components/SaveIndicator.js';

const QUESTION_PATH = 'respondent_name';

/** One draft: (for now) one text question, saved as the user types. */
export function DraftScreen({ draftId }: { draftId: string }) {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const autosaver = useMemo(
    () => createAutosaver((path, v) => window.iscm.answers.save({ draftId, path, value: v }), { onStatus: setStatus }),
    [draftId],
  );

  useEffect(() => {
    let cancelled = false;
    void window.iscm.drafts.get({ id: draftId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setDraft(result.value);
      const saved = result.value.answers[QUESTION_PATH];
      setValue(typeof saved === 'string' ? saved : '');
    });
    // Closing the window or leaving the page must not lose the last keystrokes.
    const flush = () => void autosaver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flush);
      flush();
      autosaver.dispose();
    };
  }, [draftId, autosaver]);

  if (error) return <p role="alert">{error}</p>;
  if (!draft) return <p>Loading…</p>;
  return (
    <section aria-labelledby="draft-heading">
      <h1 id="draft-heading">{draft.title}</h1>
      <SaveIndicator status={status} />
      <div className="field">
        <label htmlFor="q-respondent_name">Your full name</label>
        <input
          id="q-respondent_name"
          value={value}
          maxLength={200}
          onChange={(e) => {
            setValue(e.target.value);
            autosaver.change(QUESTION_PATH, e.target.value);
          }}
          onBlur={() => void autosaver.flush()}
        />
      </div>
      <p>
        <a href="#/">Back to your assessments</a>
      </p>
    </section>
  );
}
