/** The conversations the agent checked with `x`, and the last one toggled (where Shift+X ranges from). */
export interface SelectionState {
  checked: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: SelectionState = { checked: new Set(), anchor: null };

export function toggled({ checked }: SelectionState, id: string): SelectionState {
  const next = new Set(checked);
  if (!next.delete(id)) next.add(id);
  return { checked: next, anchor: id };
}

/** Checks every id of a range (the rows from the anchor to the cursor); the anchor stays. */
export function withRange({ checked, anchor }: SelectionState, ids: readonly string[]): SelectionState {
  return { checked: new Set([...checked, ...ids]), anchor };
}
