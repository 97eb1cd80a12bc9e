import { describe, expect, it } from 'vitest';
import { DesktopSettings } from '../../../shared/desktop-settings';
import { notificationMenu } from '../../../main/electron/notification-menu';
import { createTranslator } from '../../../shared/i18n';

type Settings = DesktopSettings['notifications'];
type Item = ReturnType<typeof notificationMenu>;

const defaults = DesktopSettings.parse({}).notifications;
const accounts = [
  { id: 'fb-1', name: 'Café Mokotów', platform: 'facebook' as const },
  { id: 'tg-1', name: 'Support bot', platform: 'telegram' as const },
];

function build(current: Settings = defaults, list = accounts) {
  const changes: Settings[] = [];
  const menu = notificationMenu(createTranslator('en'), current, list, (next) => changes.push(next));
  const byId = new Map<string, Item>();
  const walk = (item: Item) => {
    if (item.id) byId.set(item.id, item);
    if (Array.isArray(item.submenu)) item.submenu.forEach(walk);
  };
  walk(menu);
  const click = (id: string) => (byId.get(id)!.click as () => void)();
  return { menu, byId, changes, click };
}

describe('notificationMenu', () => {
  it('shows the current switches and one mute switch per account', () => {
    const { byId } = build({ ...defaults, doNotDisturb: true, mutedAccounts: ['tg-1'] });
    expect(byId.get('notifications.enabled')).toMatchObject({ type: 'checkbox', checked: true, label: 'Show notifications' });
    expect(byId.get('notifications.doNotDisturb')).toMatchObject({ type: 'checkbox', checked: true, label: 'Do not disturb' });
    expect(byId.get('notifications.mute.fb-1')).toMatchObject({ checked: false, label: 'Café Mokotów (Facebook)' });
    expect(byId.get('notifications.mute.tg-1')).toMatchObject({ checked: true, label: 'Support bot (Telegram)' });
  });

  it('hands back the whole section with one switch flipped', () => {
    const { click, changes } = build({ ...defaults, mutedAccounts: ['tg-1'] });
    click('notifications.doNotDisturb');
    click('notifications.enabled');
    click('notifications.mute.fb-1');
    click('notifications.mute.tg-1');
    expect(changes).toEqual([
      { ...defaults, mutedAccounts: ['tg-1'], doNotDisturb: true },
      { ...defaults, mutedAccounts: ['tg-1'], enabled: false },
      { ...defaults, mutedAccounts: ['tg-1', 'fb-1'] },
      { ...defaults, mutedAccounts: [] },
    ]);
    for (const change of changes) expect(DesktopSettings.shape.notifications.safeParse(change).success).toBe(true);
  });

  it('greys the mute list out when there are no accounts', () => {
    expect(build(defaults, []).byId.get('notifications.mute')).toMatchObject({ enabled: false, submenu: [] });
  });
});
