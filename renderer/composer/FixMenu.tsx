import { useEffect, useRef } from 'react';
import type { Finding } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { keyAction } from '../keyboard/keymap';
import { useActiveOption } from '../overlays/useActiveOption';
import { describeFinding } from './describeFinding';

/** What choosing an option does; the reply box carries it out. */
export type Fix = { kind: 'replace'; text: string } | { kind: 'addWord'; word: string } | { kind: 'replyPrivately' };

/** The fixes a finding offers, best first: suggestions, then adding the word, then replying privately. */
export function fixesFor(finding: Finding): Fix[] {
  const fixes: Fix[] = finding.suggestions.slice(0, 7).map((text) => ({ kind: 'replace', text }));
  if (finding.kind === 'spelling') fixes.push({ kind: 'addWord', word: finding.text });
  if (finding.fix === 'reply_privately') fixes.push({ kind: 'replyPrivately' });
  return fixes;
}

interface FixMenuProps {
  id: string;
  finding: Finding;
  /** Where the marked text is, relative to the reply field, to open the menu under it. */
  anchor: { left: number; top: number } | null;
  onChoose(fix: Fix): void;
  /** The fix key again: on to the next marked text. */
  onNext(): void;
  /** Closed without a fix: `back` when the agent asked (Esc, Tab) and the text should take focus again, not when focus went elsewhere. */
  onClose(back: boolean): void;
}

/**
 * The fixes for one marked piece of the reply, picked with ↑/↓ and Enter; Esc
 * goes back to the text. Focus moves into the menu while it is open and the
 * reply box takes it back after.
 */
export function FixMenu({ id, finding, anchor, onChoose, onNext, onClose }: FixMenuProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const fixes = fixesFor(finding);
  const optionId = (index: number) => `${id}-fix-${index}`;
  const { active, activeId, onKeyDown } = useActiveOption(fixes.length, optionId, (index) => onChoose(fixes[index]!));

  useEffect(() => ref.current?.focus(), []);

  const label = (fix: Fix) => {
    switch (fix.kind) {
      case 'replace':
        return fix.text;
      case 'addWord':
        return t('fix.addWord', { word: fix.word });
      case 'replyPrivately':
        return t('check.fix.replyPrivately');
    }
  };

  return (
    <div className="fix-menu" style={anchor ? { left: anchor.left, top: anchor.top } : undefined}>
      <p className="fix-what" data-severity={finding.severity} dir="auto">
        {describeFinding(t, finding)}
      </p>
      <div
        ref={ref}
        id={id}
        role="listbox"
        tabIndex={-1}
        aria-label={t('fix.label', { text: finding.text })}
        aria-activedescendant={activeId}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Escape' || event.key === 'Tab') {
            event.preventDefault();
            onClose(true);
            return;
          }
          if (keyAction(event.nativeEvent, 'composer') === 'fixFinding') {
            event.preventDefault();
            onNext();
            return;
          }
          onKeyDown(event);
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) onClose(false);
        }}
      >
        {fixes.map((fix, index) => (
          <div
            key={optionId(index)}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="fix-option"
            data-fix={fix.kind}
            dir="auto"
            onMouseDown={(event) => {
              event.preventDefault();
              onChoose(fix);
            }}
          >
            {label(fix)}
          </div>
        ))}
      </div>
      {fixes.length === 0 && <p className="fix-none">{t('fix.nothing')}</p>}
    </div>
  );
}
