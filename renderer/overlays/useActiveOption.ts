import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * The highlighted option of a listbox driven from a text field (the palette's
 * combobox, the search box): ↑/↓ move it, Enter chooses it, and focus never
 * leaves the field; the field points at the option with aria-activedescendant.
 */
export function useActiveOption(count: number, optionId: (index: number) => string, choose: (index: number) => void) {
  const [active, setActive] = useState(0);
  // A shorter list keeps the highlight inside it; a caller that replaces the list puts it back on top with setActive(0).
  const current = count === 0 ? -1 : Math.min(active, count - 1);

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  }, [current, optionId]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(current + 1, count - 1),
      ArrowUp: () => Math.max(current - 1, 0),
    };
    const move = moves[event.key];
    if (move !== undefined && count > 0) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(current);
    }
  };

  return { active: current, activeId: current >= 0 ? optionId(current) : undefined, setActive, onKeyDown };
}
