/** Keys as the agent presses them, one `<kbd>` each; a sequence such as `G I` is one key for this purpose. */
export function KeyList({ keys, empty }: { keys: readonly string[]; empty?: string }) {
  if (keys.length === 0) return empty === undefined ? null : <span className="key-none">{empty}</span>;
  return (
    <span className="key-list">
      {keys.map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  );
}
