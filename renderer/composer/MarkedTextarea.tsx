import { useRef, type ComponentProps, type ReactNode, type RefObject } from 'react';
import type { Finding } from '../../shared/domain';

/** Findings about the reply as a whole are listed under the box, not underlined: a line under every word says nothing. */
const WHOLE_TEXT_KINDS: ReadonlySet<Finding['kind']> = new Set(['repeated_canned', 'length']);

const STRENGTH = { block: 0, warn: 1 } as const;

interface Segment {
  text: string;
  finding: Finding | null;
}

/**
 * The text cut at every finding's edges; where findings overlap, the stronger
 * one (a block over a warning, then the narrower) marks the piece.
 */
export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const marked = findings.filter((f) => !WHOLE_TEXT_KINDS.has(f.kind) && f.end > f.start);
  if (marked.length === 0) return [{ text, finding: null }];
  const cuts = [...new Set([0, text.length, ...marked.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const pieces: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const covering = marked
      .filter((f) => f.start <= from && to <= f.end)
      .sort((a, b) => STRENGTH[a.severity] - STRENGTH[b.severity] || a.end - a.start - (b.end - b.start))[0];
    const last = pieces.at(-1);
    if (last && last.finding === (covering ?? null)) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), finding: covering ?? null });
  }
  return pieces;
}

type MarkedTextareaProps = Omit<ComponentProps<'textarea'>, 'value' | 'ref'> & {
  value: string;
  findings: readonly Finding[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The wrapper, which the fix menu positions itself in. */
  fieldRef: RefObject<HTMLDivElement | null>;
};

/**
 * A textarea with the checks' findings underlined as the agent types. The
 * underlines live in a copy of the text behind the (transparent) textarea,
 * laid out the same way, so the textarea stays a plain, fast, accessible text
 * field; the copy is hidden from screen readers, which get the findings as a
 * list instead. Everything in it is text: a message body is never markup.
 */
export function MarkedTextarea({ value, findings, textareaRef, fieldRef, onScroll, ...textarea }: MarkedTextareaProps) {
  const backdropRef = useRef<HTMLDivElement>(null);
  const pieces: ReactNode[] = segments(value, findings).map((piece, index) =>
    piece.finding === null ? (
      piece.text
    ) : (
      <mark key={index} className="composer-mark" data-kind={piece.finding.kind} data-severity={piece.finding.severity} data-start={piece.finding.start}>
        {piece.text}
      </mark>
    ),
  );
  return (
    <div className="composer-field" ref={fieldRef}>
      <div className="composer-backdrop" ref={backdropRef} aria-hidden="true" dir="auto">
        {pieces}
        {/* A last empty line still takes its height in the textarea. */}
        {'\u200b'}
      </div>
      <textarea
        {...textarea}
        ref={textareaRef}
        value={value}
        onScroll={(event) => {
          if (backdropRef.current) backdropRef.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
      />
    </div>
  );
}
