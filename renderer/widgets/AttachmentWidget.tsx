import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentRefSchema, type AttachmentRef } from '../../core/answers/value.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { useFieldSession } from '../wizard/field-session.js';
import { formatSize } from '../i18n/format.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

const filesOf = (value: unknown): AttachmentRef[] =>
  Array.isArray(value) ? (value as unknown[]).flatMap((v) => {
    const parsed = attachmentRefSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  }) : [];

/**
 * Files picked with the host's dialog (Electron) or file input (web host), copied by the host
 * into the attachment store; the answer is the list of references. Refused files are listed
 * with the host's reason (type, size, count come from the questionnaire).
 */
export function AttachmentWidget(props: WidgetProps) {
  const { draftId, uiLang, flush, t, ui } = useFieldSession();
  const api = useApi();
  const { t: tf } = useTranslation('fields');
  const [rejected, setRejected] = useState<readonly { name: string; reason: string; sizeLimit?: number | undefined }[]>([]);
  const [error, setError] = useState<string | undefined>();
  const files = filesOf(props.value);
  const save = (next: AttachmentRef[]) => {
    props.onChange(next.length === 0 ? null : next);
    void flush();
  };
  async function pick() {
    const result = await api.attachments.pick({ draftId, path: props.path });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setError(undefined);
    setRejected(result.value.rejected);
    if (result.value.files.length > 0) save([...files, ...result.value.files]);
  }
  const labelId = `${props.id}-label`;
  return (
    <div className="field attachment" role="group" aria-labelledby={labelId} aria-describedby={props.describedBy}>
      <p id={labelId} className="group-label">
        <LabelText label={props.label} required={props.required} />
      </p>
      {props.description}
      {files.length === 0 ? (
        <p className="muted" {...ui}>
          {t('attach.none')}
        </p>
      ) : (
        <ul className="file-list">
          {files.map((f, i) => (
            <li key={`${f.sha256}-${String(i)}`}>
              <bdi>{f.name}</bdi> <span className="muted">({formatSize(uiLang, f.size)})</span>{' '}
              <button type="button" className="small" {...ui} aria-label={t('attach.removeFile', { name: f.name })} onClick={() => save(files.filter((_, j) => j !== i))}>
                {t('attach.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" id={props.id} onClick={() => void pick()} {...ui}>
        {t('attach.add')}
      </button>
      <div role="alert" className="rejected" {...ui}>
        {error && <p className="error">{error}</p>}
        {rejected.map((r) => (
          <p key={r.name} className="error">
            {r.sizeLimit !== undefined
              ? tf('fileTooLarge', { name: r.name, limit: formatSize(uiLang, r.sizeLimit) })
              : t('attach.rejected', { name: r.name, reason: r.reason })}
          </p>
        ))}
      </div>
    </div>
  );
}
