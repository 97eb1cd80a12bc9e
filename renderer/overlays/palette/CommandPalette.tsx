import { useCallback, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ActionId } from '../../../shared/keymap';
import { useI18n } from '../../i18n/I18nProvider';
import { keyboardPlatform, keymap } from '../../keyboard/keymap';
import { Dialog } from '../Dialog';
import { KeyList } from '../KeyList';
import { hideOverlay, showOverlay, type OverlayKind } from '../overlayStore';
import { useActiveOption } from '../useActiveOption';
import { filterCommands, listCommands, type CommandId } from './commands';
import { recentCommands, rememberCommand } from './recentCommands';

/** Commands that open another overlay do so in place of the palette; the rest are the workspace's to run. */
const OPENS = { settings: 'settings', help: 'help', search: 'search', cannedLibrary: 'canned' } as const satisfies Partial<Record<CommandId, OverlayKind>>;
const opensOverlay = (id: CommandId): id is keyof typeof OPENS => Object.hasOwn(OPENS, id);

export function CommandPalette({ onRunAction }: { onRunAction(id: ActionId): void }) {
  const { t } = useI18n();
  const bindings = useStore(keymap, (state) => state.bindings);
  const recent = useStore(recentCommands, (state) => state.ids);
  const [query, setQuery] = useState('');
  const idPrefix = useId();

  const commands = useMemo(() => listCommands(bindings, keyboardPlatform, t), [bindings, t]);
  const shown = useMemo(() => filterCommands(commands, query, recent), [commands, query, recent]);

  const run = (index: number) => {
    const command = shown[index];
    if (command === undefined) return;
    rememberCommand(command.id);
    if (opensOverlay(command.id)) return showOverlay(OPENS[command.id]);
    // Closed first, so the action finds focus where the agent left it (the list, the reply box).
    hideOverlay();
    onRunAction(command.id);
  };

  const optionId = useCallback((index: number) => `${idPrefix}-command-${index}`, [idPrefix]);
  const { active, activeId, setActive, onKeyDown } = useActiveOption(shown.length, optionId, run);
  const listId = `${idPrefix}-commands`;

  return (
    <Dialog label={t('palette.title')} className="palette" closedBy="commandPalette">
      <input
        role="combobox"
        aria-label={t('palette.input')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder={t('palette.placeholder')}
        autoFocus
        className="overlay-input"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('palette.list')} className="overlay-options">
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="overlay-option palette-option"
            // A click must not take focus from the command field, where the keys work.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(index)}
          >
            <span className="palette-name">{command.name}</span>
            <KeyList keys={command.keys} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="overlay-notice">{t('palette.empty')}</p>}
      <p className="overlay-hint">{t('palette.hint')}</p>
    </Dialog>
  );
}
