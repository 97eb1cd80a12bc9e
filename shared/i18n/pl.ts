import type { Catalog } from './catalog';

export const pl = {
  'app.name': 'Switchboard',

  'inbox.heading': 'Czeka na odpowiedź',
  'inbox.label': 'Rozmowy',
  'inbox.count': { one: '{count} rozmowa', few: '{count} rozmowy', many: '{count} rozmów', other: '{count} rozmowy' },
  'inbox.empty': 'Nic nie czeka na odpowiedź',
  'inbox.loadingRow': 'Wczytywanie rozmowy {position}',
  'inbox.loadFailed': 'Nie udało się wczytać rozmów: {reason}',
  'inbox.option': '{name}, {kind}, {time}: {preview}',
  'inbox.optionRated': '{name}, {kind}, {rating}, {time}: {preview}',
  'inbox.keysHint': 'j/k ↑/↓ wybór · Enter otwórz · r odpowiedz · Esc do listy',

  'kind.dm': 'wiadomość prywatna',
  'kind.comment': 'komentarz',
  'kind.mention': 'wzmianka',
  'kind.review': 'opinia',

  'platform.sandbox': 'Piaskownica',
  'platform.facebook': 'Facebook',
  'platform.instagram': 'Instagram',
  'platform.x': 'X',
  'platform.telegram': 'Telegram',
  'platform.vk': 'VK',
  'platform.reviews': 'Serwisy z opiniami',

  'rating.stars': { one: '{count} gwiazdka', few: '{count} gwiazdki', many: '{count} gwiazdek', other: '{count} gwiazdki' },

  'conversation.noneTitle': 'Brak otwartej rozmowy',
  'conversation.noneHint': 'Wybierz rozmowę z listy i naciśnij Enter.',
  'conversation.messages': 'Wiadomości',
  'conversation.notFound': 'Ta rozmowa już nie istnieje.',
  'conversation.loadFailed': 'Nie udało się wczytać rozmowy: {reason}',

  'message.you': 'Ty',
  'message.private': 'Prywatna',
  'message.state.queued': 'W kolejce',
  'message.state.sending': 'Wysyłanie',
  'message.state.sent': 'Wysłano',
  'message.state.failed': 'Nie wysłano',
  'message.state.cancelled': 'Anulowano',
  'message.failedReason': 'Nie wysłano: {reason}',

  'reply.label': 'Odpowiedź',
  'reply.hint': 'Ctrl+Enter wysyła',
  'reply.send': 'Wyślij',
  'reply.failed': 'Odpowiedź nie została wysłana: {reason}',

  'connectivity.label': 'Połączenie: {state}',
  'connectivity.connecting': 'Łączenie',
  'connectivity.online': 'Połączono',
  'connectivity.offline': 'Brak połączenia',
  'connectivity.syncing': 'Synchronizacja',

  'sync.label': 'Pobieranie historii',
  'sync.progress': '{fetched} z {total}',
  'sync.fetched': {
    one: 'Pobrano {count} element',
    few: 'Pobrano {count} elementy',
    many: 'Pobrano {count} elementów',
    other: 'Pobrano {count} elementu',
  },

  'language.label': 'Język',
  'language.system': 'Systemowy ({language})',

  'error.unavailable': 'brak połączenia z silnikiem aplikacji',
  'error.unknown': 'coś poszło nie tak',
} satisfies Catalog;
