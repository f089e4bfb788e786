import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';

const loadQuarantine = () => unwrap(window.iscm.iom.listQuarantine({}));

/** Every rejected file: name, hash, the stage that refused it, the code and why. */
export function QuarantinePanel() {
  const { data, error } = useLoader(loadQuarantine);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <div>
      <h2>Quarantine</h2>
      {data.length === 0 ? (
        <p>No file was rejected.</p>
      ) : (
        <table aria-label="Rejected files">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">Stage</th>
              <th scope="col">Code</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.id}>
                <td>{q.at.slice(0, 16).replace('T', ' ')}</td>
                <td title={q.filePath}>
                  {q.fileName}
                  <br />
                  <span className="mono">{q.sha256 ? `SHA-256 ${q.sha256.slice(0, 16)}…` : 'unreadable'}</span>
                </td>
                <td>{q.stage}</td>
                <td>
                  <code>{q.code}</code>
                </td>
                <td>{q.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
