import type { Catalog } from './catalog';

export const ru = {
  'app.name': 'Switchboard',

  'inbox.heading': 'Ждут ответа',
  'inbox.label': 'Диалоги',
  'inbox.count': { one: '{count} диалог', few: '{count} диалога', many: '{count} диалогов', other: '{count} диалога' },
  'inbox.empty': 'Ничто не ждёт ответа',
  'inbox.loadingRow': 'Загрузка диалога {position}',
  'inbox.loadFailed': 'Не удалось загрузить диалоги: {reason}',
  'inbox.option': '{name}, {kind}, {time}: {preview}',
  'inbox.optionRated': '{name}, {kind}, {rating}, {time}: {preview}',
  'inbox.keysHint': 'j/k ↑/↓ выбор · Enter открыть · r ответить · Esc к списку',

  'kind.dm': 'личное сообщение',
  'kind.comment': 'комментарий',
  'kind.mention': 'упоминание',
  'kind.review': 'отзыв',

  'platform.sandbox': 'Песочница',
  'platform.facebook': 'Facebook',
  'platform.instagram': 'Instagram',
  'platform.x': 'X',
  'platform.telegram': 'Telegram',
  'platform.vk': 'ВКонтакте',
  'platform.reviews': 'Сайты отзывов',

  'rating.stars': { one: '{count} звезда', few: '{count} звезды', many: '{count} звёзд', other: '{count} звезды' },

  'conversation.noneTitle': 'Диалог не открыт',
  'conversation.noneHint': 'Выберите диалог в списке и нажмите Enter.',
  'conversation.messages': 'Сообщения',
  'conversation.notFound': 'Этого диалога больше нет.',
  'conversation.loadFailed': 'Не удалось загрузить диалог: {reason}',

  'message.you': 'Вы',
  'message.private': 'Личное',
  'message.state.queued': 'В очереди',
  'message.state.sending': 'Отправляется',
  'message.state.sent': 'Отправлено',
  'message.state.failed': 'Не отправлено',
  'message.state.cancelled': 'Отменено',
  'message.failedReason': 'Не отправлено: {reason}',

  'reply.label': 'Ответ',
  'reply.hint': 'Ctrl+Enter — отправить',
  'reply.send': 'Отправить',
  'reply.failed': 'Ответ не отправлен: {reason}',

  'connectivity.label': 'Соединение: {state}',
  'connectivity.connecting': 'Подключение',
  'connectivity.online': 'В сети',
  'connectivity.offline': 'Нет сети',
  'connectivity.syncing': 'Синхронизация',

  'sync.label': 'Загрузка истории',
  'sync.progress': '{fetched} из {total}',
  'sync.fetched': {
    one: '{count} запись загружена',
    few: '{count} записи загружены',
    many: '{count} записей загружено',
    other: '{count} записи загружено',
  },

  'language.label': 'Язык',
  'language.system': 'Системный ({language})',

  'error.unavailable': 'нет связи с ядром приложения',
  'error.unknown': 'что-то пошло не так',
} satisfies Catalog;
