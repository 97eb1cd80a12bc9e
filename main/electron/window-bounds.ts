import type { WindowBounds } from '../../shared/desktop-settings';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type WindowPlacement } from './window-security';

/** A display's work area (the screen minus task bars and docks), as Electron reports it. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where to open the window: where it was last time, unless that place is gone
 * (a monitor was unplugged, the resolution dropped). The window is kept whole
 * on the display it overlapped most, or on the primary display (the first
 * area) when it overlaps none; without a remembered place the OS centres it.
 */
export function restoreWindowPlacement(saved: WindowBounds | null, areas: readonly Area[]): WindowPlacement & { maximized: boolean } {
  const primary = areas[0];
  if (!saved || !primary) return { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const area = areas.reduce((best, candidate) => (overlap(saved, candidate) > overlap(saved, best) ? candidate : best), primary);
  const width = clamp(saved.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(saved.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  const onScreen = overlap(saved, area) > 0;
  const x = onScreen ? clamp(saved.x, area.x, area.x + area.width - width) : area.x + Math.round((area.width - width) / 2);
  const y = onScreen ? clamp(saved.y, area.y, area.y + area.height - height) : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height, maximized: saved.maximized };
}

function overlap(a: Area, b: Area): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
