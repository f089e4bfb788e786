import type { FileOutcomeView } from '../../core/contract/channels/iom.js';

const KIND_LABELS: Readonly<Record<FileOutcomeView['kind'], string>> = {
  imported: 'Imported',
  superseded: 'Imported (older revision)',
  duplicate: 'Already imported',
  conflict: 'Conflict',
  held: 'Held: new key',
  rejected: 'Rejected',
};

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Each file's outcome with its code and the reason in plain words. */
export function OutcomeTable({ outcomes }: { outcomes: readonly FileOutcomeView[] }) {
  if (outcomes.length === 0) return null;
  return (
    <table aria-label="Outcome of each file">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Outcome</th>
          <th scope="col">Code</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o, i) => (
          <tr key={`${o.file}-${String(i)}`} data-kind={o.kind}>
            <td title={o.file}>{baseName(o.file)}</td>
            <td className={`kind-${o.kind}`}>{KIND_LABELS[o.kind]}</td>
            <td>
              <code>{o.code}</code>
            </td>
            <td>
              {o.message}
              {o.detail && o.kind !== 'imported' ? <span className="mono"> ({o.detail})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
