/** One row's height in px; the CSS lays rows out in exactly this box. */
export const ROW_HEIGHT = 64;
/** Rows rendered beyond each edge so a quick scroll does not show holes. */
export const OVERSCAN = 8;
/** Used until the list is measured (and in jsdom, which has no layout). */
export const DEFAULT_VIEWPORT_HEIGHT = 640;

/** The rows (inclusive) to render for a scroll position, before clamping to the list's length. */
export function visibleRange(scrollTop: number, viewportHeight: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN - 1;
  return { first, last };
}

/** The smallest scroll that brings a row fully into view (the current one if it is). */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number): number {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  const bottom = top + ROW_HEIGHT;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

export const rowsPerPage = (viewportHeight: number): number => Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT));
