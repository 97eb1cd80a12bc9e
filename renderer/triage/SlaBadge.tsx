import { useI18n } from '../i18n/I18nProvider';
import { slaShown } from './slaClock';

/** Time left on the first-response clock, or how far past it; the words say the state, the colour repeats it. */
export function SlaBadge({ dueAt, now }: { dueAt: number | null; now: number }) {
  const { t, lang } = useI18n();
  const sla = slaShown(lang, dueAt, now);
  if (sla === null) return null;
  return (
    <span className={`sla sla--${sla.state}`} title={new Date(dueAt!).toLocaleString(lang)}>
      {t(`sla.${sla.state}`, { time: sla.time })}
    </span>
  );
}
