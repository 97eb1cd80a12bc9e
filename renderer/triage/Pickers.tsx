import { AssignPicker } from './AssignPicker';
import { SnoozeMenu } from './SnoozeMenu';
import { TagPicker } from './TagPicker';

/** The open menu or picker and the conversations it acts on (taken when it opened). */
export interface Picker {
  kind: 'snooze' | 'snoozeAt' | 'tags' | 'assign';
  ids: readonly string[];
}

interface PickersProps {
  picker: Picker | null;
  onSnooze(ids: readonly string[], until: number): void;
  /** Closing hands focus back to the list. */
  onClose(): void;
}

export function Pickers({ picker, onSnooze, onClose }: PickersProps) {
  if (picker === null) return null;
  const { kind, ids } = picker;
  return (
    // A click beside the picker closes it, as Esc does.
    <div className="picker-layer" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      {kind === 'tags' ? (
        <TagPicker ids={ids} onClose={onClose} />
      ) : kind === 'assign' ? (
        <AssignPicker ids={ids} onClose={onClose} />
      ) : (
        <SnoozeMenu startPicking={kind === 'snoozeAt'} onSnooze={(until) => onSnooze(ids, until)} onClose={onClose} />
      )}
    </div>
  );
}
