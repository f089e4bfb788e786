import type { SaveStatus } from '../autosave/autosaver.js';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Says exactly what is on disk. A failure stays on screen until a later save succeeds. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  if (status.kind === 'failed') {
    return (
      <div role="alert" className="save-status save-failed">
        Not saved: {status.error.message} ({status.unsaved} unsaved {status.unsaved === 1 ? 'answer' : 'answers'} kept on
        screen; retrying.)
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className="save-status">
      {status.kind === 'saved' ? `Saved at ${timeOf(status.at)}` : status.kind === 'pending' ? 'Saving…' : ''}
    </div>
  );
}
