import { formatChord, parseChord, type ActionId, type Conflict, type KeyboardPlatform } from '../../shared/keymap';
import type { Translator } from '../../shared/i18n';

/** Why giving `edited` new keys was refused, in words that name both actions involved. */
export function conflictText(conflict: Conflict, edited: ActionId, t: Translator, platform: KeyboardPlatform): string {
  const name = (action: ActionId) => t(`action.${action}`);
  const keys = (canonical: string) => {
    const parsed = parseChord(canonical);
    return parsed.ok ? formatChord(parsed.chord, platform) : canonical;
  };
  switch (conflict.kind) {
    case 'duplicate': {
      const [first, second] = conflict.actions;
      const other = first === edited ? second : first;
      return t('keymap.conflict.duplicate', { chord: keys(conflict.chord), action: name(edited), other: name(other) });
    }
    case 'prefix':
      return t('keymap.conflict.prefix', {
        chord: keys(conflict.chord),
        short: name(conflict.actions[0]),
        sequence: keys(conflict.sequence),
        long: name(conflict.actions[1]),
      });
    case 'reserved':
      return t('keymap.conflict.reserved', { chord: keys(conflict.chord), use: t(`keymap.reserved.${conflict.reservedFor}`), action: name(conflict.action) });
    case 'invalid':
      return t('keymap.conflict.invalid', { input: conflict.input, action: name(conflict.action) });
  }
}
