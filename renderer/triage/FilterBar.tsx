import { useId, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { ConversationKind, InboxSort, Platform, SentimentClass, type InboxFilter } from '../../shared/domain';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';

const ANY = '';

function Select({ label, value, onChange, children }: { label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {children}
      </select>
    </span>
  );
}

/** Narrows and orders the list (and the counts): native selects, so Tab reaches them and arrows change them. */
export function FilterBar() {
  const { t } = useI18n();
  const { triage, status } = useSession();
  const { filter, sort } = useStore(triage.query);
  const accounts = useStore(status.state, (s) => s.accounts);
  const tags = useStore(triage.directory.state, (s) => s.tags);

  const set = <K extends keyof InboxFilter>(key: K, value: string, parse: (value: string) => InboxFilter[K]) => {
    const { [key]: _old, ...rest } = filter;
    triage.setFilter(value === ANY ? rest : { ...rest, [key]: parse(value) });
  };
  const any = <option value={ANY}>{t('filter.any')}</option>;

  return (
    <div className="filter-bar" role="group" aria-label={t('filter.label')}>
      <Select label={t('filter.account')} value={filter.accountId ?? ANY} onChange={(v) => set('accountId', v, String)}>
        {any}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </Select>
      <Select label={t('filter.platform')} value={filter.platform ?? ANY} onChange={(v) => set('platform', v, (p) => Platform.parse(p))}>
        {any}
        {Platform.options.map((platform) => (
          <option key={platform} value={platform}>
            {t(`platform.${platform}`)}
          </option>
        ))}
      </Select>
      <Select label={t('filter.kind')} value={filter.kind ?? ANY} onChange={(v) => set('kind', v, (k) => ConversationKind.parse(k))}>
        {any}
        {ConversationKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.${kind}`)}
          </option>
        ))}
      </Select>
      <Select label={t('filter.tag')} value={filter.tagId ?? ANY} onChange={(v) => set('tagId', v, String)}>
        {any}
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </Select>
      <Select label={t('filter.lang')} value={filter.lang ?? ANY} onChange={(v) => set('lang', v, (l) => LANGUAGES.find((lang) => lang === l))}>
        {any}
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </Select>
      <Select label={t('filter.sentiment')} value={filter.sentiment ?? ANY} onChange={(v) => set('sentiment', v, (s) => SentimentClass.parse(s))}>
        {any}
        {SentimentClass.options.map((sentiment) => (
          <option key={sentiment} value={sentiment}>
            {t(`sentiment.${sentiment}`)}
          </option>
        ))}
      </Select>
      <Select label={t('sort.label')} value={sort} onChange={(v) => triage.setSort(InboxSort.parse(v))}>
        {InboxSort.options.map((option) => (
          <option key={option} value={option}>
            {t(`sort.${option}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
