import { Notification } from 'electron';
import type { Translator } from '../../shared/i18n';
import type { Notice } from './notification-policy';

/**
 * Shows the notices notification-policy.ts chose as native notifications.
 * They carry the customer's name, never the message text: notifications show
 * on lock screens and shared monitors. Clicking one opens its conversation
 * (for a burst, the first of them).
 */
export function showNotices(notices: readonly Notice[], t: Translator, open: (conversationId: string) => void): void {
  if (!Notification.isSupported()) return;
  for (const notice of notices) {
    const { title, body } = describe(notice, t);
    const notification = new Notification({ title, body });
    notification.on('click', () => open(notice.conversationId));
    notification.show();
  }
}

function describe(notice: Notice, t: Translator): { title: string; body: string } {
  switch (notice.kind) {
    case 'new':
      return { title: t('desktop.notify.newItem', { name: notice.contactName }), body: t('desktop.notify.newItemBody', { platform: t(`platform.${notice.platform}`) }) };
    case 'many':
      return { title: t('desktop.notify.many', { count: notice.count }), body: t('app.name') };
    case 'sla':
      return { title: t('desktop.notify.slaSoon', { name: notice.contactName, minutes: notice.minutesLeft }), body: t('desktop.notify.slaSoonBody') };
  }
}
