import { describe, expect, it } from 'vitest';
import { restoreWindowPlacement } from '../../../main/electron/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restoreWindowPlacement', () => {
  it('opens at the default size, centred by the OS, the first time', () => {
    expect(restoreWindowPlacement(null, [laptop])).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('puts the window back where it was when that place is still on screen', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(restoreWindowPlacement(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('brings a window from an unplugged monitor back, centred on the primary display', () => {
    expect(restoreWindowPlacement({ x: 1600, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ x: 220, y: 88, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window bigger than its display and keeps it whole', () => {
    expect(restoreWindowPlacement({ x: 1300, y: -50, width: 2000, height: 1200, maximized: false }, [laptop, monitorRight])).toEqual({ x: 1440, y: 0, width: 2000, height: 1200, maximized: false });
    expect(restoreWindowPlacement({ x: -200, y: 500, width: 3000, height: 2000, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875, maximized: false });
  });

  it('pulls a window half off the edge fully onto the display it mostly sits on', () => {
    expect(restoreWindowPlacement({ x: 1000, y: 600, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ x: 440, y: 175, width: 1000, height: 700, maximized: false });
  });

  it('never makes a window smaller than its minimum unless the display itself is smaller', () => {
    expect(restoreWindowPlacement({ x: 0, y: 0, width: 200, height: 150, maximized: false }, [laptop])).toMatchObject({ width: 900, height: 560 });
    expect(restoreWindowPlacement({ x: 0, y: 0, width: 1280, height: 800, maximized: false }, [{ x: 0, y: 0, width: 800, height: 500 }])).toMatchObject({ width: 800, height: 500 });
  });
});
