import { useStore } from 'zustand';
import { describeKeymap } from '../../../shared/keymap';
import { useI18n } from '../../i18n/I18nProvider';
import { keyboardPlatform, keymap } from '../../keyboard/keymap';
import { Dialog } from '../Dialog';
import { KeyList } from '../KeyList';

/** Every action and its keys as they are now (remapped ones included), one table per place the keys work. */
export function HelpOverlay() {
  const { t, lang } = useI18n();
  const bindings = useStore(keymap, (state) => state.bindings);
  const groups = describeKeymap(bindings, keyboardPlatform);
  // The help key as it is now (it may have been remapped), or Esc.
  const helpKeys = groups.flatMap((group) => group.entries).find((entry) => entry.action === 'help')?.chords ?? [];
  const closeKeys = new Intl.ListFormat(lang, { type: 'disjunction' }).format([...helpKeys, 'Esc']);

  return (
    <Dialog label={t('help.title')} className="help" closedBy="help">
      <h2 className="overlay-title">{t('help.title')}</h2>
      <div className="help-groups">
        {groups.map((group) => (
          <table key={group.scope} className="help-group">
            <caption>{t(group.nameKey)}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t('help.action')}</th>
                <th scope="col">{t('help.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {group.entries.map((entry) => (
                <tr key={entry.action}>
                  <th scope="row">{t(entry.nameKey)}</th>
                  <td>
                    <KeyList keys={entry.chords} empty={t('keymap.none')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="overlay-hint">{t('help.hint', { keys: closeKeys })}</p>
    </Dialog>
  );
}
