import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keyAction } from '../keyboard/keymap';

export interface PickerOption {
  key: string;
  content: ReactNode;
  /** For a toggle (a tag on the conversation); left out for a one-off choice. */
  checked?: boolean;
}

interface PickerDialogProps {
  label: string;
  inputLabel: string;
  hint: string;
  text: string;
  onText(text: string): void;
  options: readonly PickerOption[];
  /** Enter on the highlighted option. */
  onPick(option: PickerOption): void;
  /** Esc. */
  onBack(): void;
  /** Keys of the picker's own (Alt+R …); return true when handled. */
  onKey?(event: KeyboardEvent<HTMLInputElement>, option: PickerOption | undefined): boolean;
}

/**
 * A modal picker driven from its text box: typing filters, ↑/↓ move the
 * highlight (announced through aria-activedescendant, focus stays in the box),
 * Enter picks, Esc goes back. Keys are stopped here so the list behind never
 * sees them.
 */
export function PickerDialog({ label, inputLabel, hint, text, onText, options, onPick, onBack, onKey }: PickerDialogProps) {
  const idPrefix = useId();
  const [highlight, setHighlight] = useState(0);
  const active = Math.min(highlight, options.length - 1);
  const current = active >= 0 ? options[active] : undefined;
  const optionId = (index: number) => `${idPrefix}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    // The box is all there is to focus in the picker: Tab must not wander behind the modal.
    if (event.key === 'Tab') return event.preventDefault();
    if (onKey?.(event, current)) return event.preventDefault();
    if (keyAction(event.nativeEvent, 'global') === 'back') {
      event.preventDefault();
      return onBack();
    }
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0) {
      event.preventDefault();
      return setHighlight(Math.max(0, Math.min(active + move, options.length - 1)));
    }
    if (event.key === 'Enter' && current) {
      event.preventDefault();
      onPick(current);
    }
  };

  return (
    <div className="picker" role="dialog" aria-modal="true" aria-label={label}>
      <input
        className="picker-input"
        autoFocus
        aria-label={inputLabel}
        placeholder={inputLabel}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${idPrefix}-list`}
        aria-activedescendant={current ? optionId(active) : undefined}
        aria-describedby={`${idPrefix}-hint`}
        value={text}
        onChange={(event) => {
          onText(event.currentTarget.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${idPrefix}-list`} role="listbox" aria-label={label} className="picker-options">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            aria-checked={option.checked}
            className="picker-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option)}
          >
            {option.checked !== undefined && (
              <span className="picker-check" aria-hidden="true">
                {option.checked ? '✓' : ''}
              </span>
            )}
            {option.content}
          </li>
        ))}
      </ul>
      <p id={`${idPrefix}-hint`} className="keys-hint">
        {hint}
      </p>
    </div>
  );
}
