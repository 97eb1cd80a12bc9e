import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { QuarantinedItem, StreamHealth } from '../../shared/domain';
import { formatRelativeTime, type Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import { Dialog } from '../overlays/Dialog';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import './diagnostics.css';

/** While open, the view reads again this often: back-offs end and errors clear while the agent looks. */
const REFRESH_MS = 5_000;

function streamState(t: Translator, stream: StreamHealth, when: (at: number) => string, now: number): string {
  if (stream.backoffUntil !== null && stream.backoffUntil > now) return t('diagnostics.waiting', { when: when(stream.backoffUntil) });
  if (stream.failures > 0) return t('diagnostics.failing', { count: stream.failures });
  if (!stream.positioned) return t('diagnostics.backfilling');
  return t('diagnostics.ok');
}

/**
 * Diagnostics: each account stream's sync (last good read, failures, the
 * back-off it waits out, the last error in the platform's words) and the
 * platform payloads that did not parse — quarantined with their error, never
 * dropped. Payloads are shown as text, cut to a preview: they are whatever a
 * platform (or an attacker) sent.
 */
export function DiagnosticsDialog() {
  const { t, lang } = useI18n();
  const { diagnostics } = useSession();
  const { report, readError } = useStore(diagnostics.state);
  const now = useNow();
  const when = (at: number) => formatRelativeTime(lang, at, now);

  useEffect(() => {
    diagnostics.read();
    const timer = setInterval(() => diagnostics.read(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [diagnostics]);

  return (
    <Dialog label={t('diagnostics.title')} className="diagnostics" closedBy="diagnostics">
      <h2 className="overlay-title">{t('diagnostics.title')}</h2>
      {readError !== null && <p role="alert">{t('diagnostics.readFailed', { reason: errorReason(readError, t) })}</p>}
      <section aria-labelledby="diagnostics-streams">
        <h3 id="diagnostics-streams">{t('diagnostics.streams')}</h3>
        {report && report.streams.length === 0 && <p>{t('diagnostics.noStreams')}</p>}
        {report && report.streams.length > 0 && (
          <table className="diagnostics-streams">
            <thead>
              <tr>
                <th scope="col">{t('diagnostics.account')}</th>
                <th scope="col">{t('diagnostics.stream')}</th>
                <th scope="col">{t('diagnostics.state')}</th>
                <th scope="col">{t('diagnostics.lastRead')}</th>
                <th scope="col">{t('diagnostics.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {report.streams.map((stream) => (
                <tr key={`${stream.accountId}/${stream.stream}`} data-failing={stream.failures > 0}>
                  <td dir="auto">
                    {stream.accountName} · {t(`platform.${stream.platform}`)}
                  </td>
                  <td>{stream.stream}</td>
                  <td>{streamState(t, stream, when, now)}</td>
                  <td>{stream.lastSuccessAt === null ? t('diagnostics.never') : when(stream.lastSuccessAt)}</td>
                  <td dir="auto">{stream.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="diagnostics-quarantine">
        <h3 id="diagnostics-quarantine">{t('diagnostics.quarantine', { count: report?.quarantine.total ?? 0 })}</h3>
        <p className="keys-hint">{t('diagnostics.quarantineExplain')}</p>
        {report && report.quarantine.items.length > 0 && (
          <ol className="diagnostics-quarantine" tabIndex={0} aria-labelledby="diagnostics-quarantine">
            {report.quarantine.items.map((item) => (
              <Quarantined key={item.id} item={item} t={t} when={when} />
            ))}
          </ol>
        )}
      </section>
    </Dialog>
  );
}

function Quarantined({ item, t, when }: { item: QuarantinedItem; t: Translator; when: (at: number) => string }) {
  return (
    <li>
      <p>
        <strong dir="auto">{item.accountName}</strong> · {t(`platform.${item.platform}`)} · {item.stream} · {when(item.receivedAt)}
      </p>
      <p className="diagnostics-error" dir="auto">
        {item.error}
      </p>
      <pre className="diagnostics-payload">{item.payload}</pre>
      {item.payloadLength > item.payload.length && <p className="keys-hint">{t('diagnostics.cut', { shown: item.payload.length, total: item.payloadLength })}</p>}
    </li>
  );
}
