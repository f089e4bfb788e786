import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import type { DraftSummary } from '../../core/contract/channels/drafts.js';
import { navigate } from '../routing/hash-route.js';

/** Home: the drafts on this computer; create, open, delete (to the trash, after confirming). */
export function DraftListScreen() {
  const [drafts, setDrafts] = useState<readonly DraftSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [confirming, setConfirming] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const result = await window.iscm.drafts.list({});
    if (result.ok) setDrafts(result.value);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function create(event: SyntheticEvent) {
    event.preventDefault();
    const result = await window.iscm.drafts.create({
      title: title.trim() || 'Untitled assessment',
      respondentKind: 'secretariat',
      mechanism: null,
      language: 'en',
    });
    if (result.ok) navigate({ name: 'draft', draftId: result.value.id });
    else setError(result.error.message);
  }

  async function remove(id: string) {
    setConfirming(undefined);
    const result = await window.iscm.drafts.delete({ id });
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  return (
    <section aria-labelledby="drafts-heading">
      <h1 id="drafts-heading">Your assessments</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void create(e)} className="create-draft">
        <label htmlFor="new-draft-title">Name of the new assessment</label>
        <input id="new-draft-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        <button type="submit">Create assessment</button>
      </form>
      {drafts === undefined ? (
        <p>Loading…</p>
      ) : drafts.length === 0 ? (
        <p>No assessment yet. Create one to start.</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((d) => (
            <li key={d.id}>
              <a href={`#/drafts/${d.id}`}>{d.title}</a>{' '}
              <span className="muted">last saved {new Date(d.updatedAt).toLocaleString()}</span>{' '}
              {confirming === d.id ? (
                <span role="group" aria-label={`Confirm moving ${d.title} to the trash`}>
                  <button type="button" onClick={() => void remove(d.id)}>
                    Yes, move to trash
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirming(d.id)} aria-label={`Delete ${d.title}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
