import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Translator } from '../../shared/i18n';

export interface TrayBadge {
  setCount(count: number): void;
  setTranslator(t: Translator): void;
  /** Items shown above Quit in the tray's menu (the notification switches). */
  setExtraItems(items: MenuItemConstructorOptions[]): void;
  destroy(): void;
}

/**
 * The tray icon with the "Needs reply" count in its tooltip, and the same
 * count on the dock (macOS) or launcher (Unity) badge where the OS has one.
 */
export function createTrayBadge(iconFile: string, t: Translator, actions: { show(): void; quit(): void }): TrayBadge {
  const tray = new Tray(nativeImage.createFromPath(iconFile).resize({ width: 16, height: 16 }));
  let translate = t;
  let count = 0;
  let extra: MenuItemConstructorOptions[] = [];
  const render = () => {
    tray.setToolTip(count > 0 ? translate('desktop.tray.tooltip', { count }) : translate('desktop.tray.allDone'));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: translate('desktop.menu.show'), click: actions.show },
        ...extra,
        { type: 'separator' },
        { label: translate('desktop.menu.quit'), click: actions.quit },
      ]),
    );
    app.setBadgeCount(count);
  };
  tray.on('click', actions.show);
  render();
  return {
    setCount(next) {
      if (next === count) return;
      count = next;
      render();
    },
    setTranslator(next) {
      translate = next;
      render();
    },
    setExtraItems(items) {
      extra = items;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
