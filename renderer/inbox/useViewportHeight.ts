import { useEffect, useState, type RefObject } from 'react';
import { DEFAULT_VIEWPORT_HEIGHT } from './windowing';

/** The element's height, kept up to date as the window resizes; a default until measured (or where there is no layout). */
export function useViewportHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(DEFAULT_VIEWPORT_HEIGHT);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry?.contentRect.height || DEFAULT_VIEWPORT_HEIGHT));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
