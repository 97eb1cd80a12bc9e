/** The colours a new tag cycles through (Alt+C in the tag picker), dark enough for white text. */
export const TAG_PALETTE = ['#c92a2a', '#d9480f', '#e67700', '#2b8a3e', '#0b7285', '#1864ab', '#5f3dc4', '#a61e4d', '#495057'] as const;

/** The colour after `color` in the palette (the first one for a colour not in it). */
export const nextColor = (color: string): string => TAG_PALETTE[(TAG_PALETTE.indexOf(color as (typeof TAG_PALETTE)[number]) + 1) % TAG_PALETTE.length]!;

/** Black or white, whichever reads better on `color` (#rrggbb), by relative luminance. */
export function readableOn(color: string): string {
  const channel = (offset: number) => {
    const c = parseInt(color.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
