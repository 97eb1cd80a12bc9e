import { useStore } from 'zustand';
import { actionNameKey, type ActionId } from '../../shared/keymap';
import { useI18n } from '../i18n/I18nProvider';
import { actionKeyLabel, keymap } from '../keyboard/keymap';

/** "E Close conversation · S Snooze …": the keys as the agent has them mapped, so a remap shows here at once. An unbound action is left out. */
export function KeyHints({ actions }: { actions: readonly ActionId[] }) {
  const { t } = useI18n();
  const bindings = useStore(keymap, (state) => state.bindings);
  const hints = actions.flatMap((action) => {
    const key = actionKeyLabel(action, bindings);
    return key === '' ? [] : [`${key} ${t(actionNameKey(action))}`];
  });
  return <span className="keys-hint">{hints.join(' · ')}</span>;
}
