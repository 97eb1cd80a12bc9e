import type { MenuItemConstructorOptions } from 'electron';
import type { AccountSummary } from '../../shared/domain';
import type { Translator } from '../../shared/i18n';
import type { DesktopSettings } from '../../shared/desktop-settings';

type NotificationSettings = DesktopSettings['notifications'];

/**
 * The notification switches, as menu items shared by the app menu and the
 * tray: notifications on or off, do-not-disturb, and one mute switch per
 * account. Each change hands back the whole new settings section to save.
 */
export function notificationMenu(
  t: Translator,
  current: NotificationSettings,
  accounts: ReadonlyArray<Pick<AccountSummary, 'id' | 'name' | 'platform'>>,
  change: (next: NotificationSettings) => void,
): MenuItemConstructorOptions {
  const muted = new Set(current.mutedAccounts);
  return {
    id: 'notifications',
    label: t('desktop.menu.notifications'),
    submenu: [
      { id: 'notifications.enabled', type: 'checkbox', label: t('desktop.menu.notificationsOn'), checked: current.enabled, click: () => change({ ...current, enabled: !current.enabled }) },
      { id: 'notifications.doNotDisturb', type: 'checkbox', label: t('desktop.menu.doNotDisturb'), checked: current.doNotDisturb, click: () => change({ ...current, doNotDisturb: !current.doNotDisturb }) },
      {
        id: 'notifications.mute',
        label: t('desktop.menu.muteAccounts'),
        enabled: accounts.length > 0,
        submenu: accounts.map((account) => ({
          id: `notifications.mute.${account.id}`,
          type: 'checkbox' as const,
          label: `${account.name} (${t(`platform.${account.platform}`)})`,
          checked: muted.has(account.id),
          click: () => change({ ...current, mutedAccounts: muted.has(account.id) ? current.mutedAccounts.filter((id) => id !== account.id) : [...current.mutedAccounts, account.id] }),
        })),
      },
    ],
  };
}
