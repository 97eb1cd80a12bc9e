import { useI18n } from '../i18n/I18nProvider';

const MAX_STARS = 5;

export function Rating({ stars }: { stars: number }) {
  const { t } = useI18n();
  const label = t('rating.stars', { count: stars });
  return (
    <span className="rating" role="img" aria-label={label} title={label}>
      {'★'.repeat(stars)}
      <span className="rating-empty">{'☆'.repeat(Math.max(0, MAX_STARS - stars))}</span>
    </span>
  );
}
