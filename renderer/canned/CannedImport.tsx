import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { calls } from '../../shared/contract';
import type { Translator } from '../../shared/i18n';
import { RpcError } from '../../shared/rpc';
import { useI18n } from '../i18n/I18nProvider';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import type { CannedFileFormat } from './cannedLibraryStore';
import { formatOfFile, readFileText, tooBigToRead } from './libraryFiles';

/** The longest file the engine takes, in characters. */
const MAX_IMPORT_CHARS = calls['canned.import'].input.shape.content.maxLength ?? Number.POSITIVE_INFINITY;

type Outcome = { kind: 'imported'; count: number } | { kind: 'refused'; text: string } | null;

/** Why the engine refused a file, led by the line to look at when it names one. */
function refusalText(error: unknown, t: Translator): string {
  if (!(error instanceof RpcError) || error.code !== 'invalid_input' || !error.issues?.length) return t('canned.import.refused', { reason: errorReason(error, t) });
  const [issue] = error.issues;
  const line = /^line (\d+)$/u.exec(issue!.path)?.[1];
  if (line !== undefined) return t('canned.import.refusedAt', { line: Number(line), reason: issue!.message });
  return t('canned.import.refused', { reason: error.issues.map((each) => each.message).join('; ') });
}

/**
 * Import into the library from a .json or .csv file (as Export writes them),
 * chosen with the file field or pasted. The engine takes the whole file or
 * none of it: the answer is how many replies were added, or the line it
 * refused and why. Esc goes back to the list.
 */
export function CannedImport({ onBack }: { onBack(): void }) {
  const { t } = useI18n();
  const { canned } = useSession();
  const [pasted, setPasted] = useState('');
  const [format, setFormat] = useState<CannedFileFormat>('json');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const refuse = (text: string) => setOutcome({ kind: 'refused', text });

  const send = (as: CannedFileFormat, content: string) => {
    // One file at a time; nothing is disabled meanwhile, so focus never falls off a control that was just used.
    if (busy) return;
    // Refused here rather than by the engine: a frame this big would not get through to it (shared/rpc MAX_FRAME_BYTES).
    if (content.length > MAX_IMPORT_CHARS) return refuse(t('canned.import.tooBig'));
    setBusy(true);
    setOutcome(null);
    canned.importFile(as, content).then(
      (count) => setOutcome({ kind: 'imported', count }),
      (error: unknown) => refuse(refusalText(error, t)),
    ).finally(() => setBusy(false));
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again after fixing it is a change too.
    input.value = '';
    if (!file) return;
    const as = formatOfFile(file.name);
    if (as === null) return refuse(t('canned.import.notJsonOrCsv', { name: file.name }));
    if (tooBigToRead(file, MAX_IMPORT_CHARS)) return refuse(t('canned.import.tooBig'));
    readFileText(file).then(
      (content) => send(as, content),
      () => refuse(t('canned.import.unreadable', { name: file.name })),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onBack();
  };

  return (
    <div className="canned-import" onKeyDown={onKeyDown}>
      <h2 className="overlay-title">{t('canned.import.title')}</h2>
      <p>{t('canned.import.explain')}</p>
      <label htmlFor={`${id}-file`}>{t('canned.import.file')}</label>
      <input id={`${id}-file`} type="file" accept=".json,.csv,application/json,text/csv" autoFocus onChange={onFile} />
      <label htmlFor={`${id}-paste`}>{t('canned.import.paste')}</label>
      <textarea id={`${id}-paste`} rows={6} value={pasted} spellCheck={false} onChange={(event) => setPasted(event.currentTarget.value)} />
      <div className="canned-buttons">
        <label htmlFor={`${id}-format`}>{t('canned.import.format')}</label>
        <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.currentTarget.value === 'csv' ? 'csv' : 'json')}>
          <option value="json">JSON</option>
          <option value="csv">CSV</option>
        </select>
        <button type="button" disabled={pasted.trim() === ''} onClick={() => send(format, pasted)}>
          {t('canned.import.pasteButton')}
        </button>
        <button type="button" onClick={onBack}>
          {t('canned.back')}
        </button>
      </div>
      <p role="status" className="overlay-notice">
        {outcome?.kind === 'imported' ? (outcome.count === 0 ? t('canned.import.nothingNew') : t('canned.import.done', { count: outcome.count })) : ''}
      </p>
      {outcome?.kind === 'refused' && (
        <p role="alert" className="overlay-error">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
