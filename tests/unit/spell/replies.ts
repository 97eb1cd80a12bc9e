/**
 * Agent replies in each language, written to be correct by the shipped
 * dictionaries, and a builder for long replies. Shared by the spell tests
 * and bench/spell.ts.
 */
import type { SpellLang } from '../../../main/engine/spell/languages';

export const SENTENCES: Record<SpellLang, readonly string[]> = {
  en: [
    'Thank you for reaching out, and I am sorry that your order arrived late.',
    'I have checked the tracking number, and the parcel is now with the courier in your city.',
    'If it does not arrive by Friday, please reply here and we will send a replacement at no cost.',
    'We understand how frustrating it is to wait for a package you need for work.',
    "Our warehouse team has confirmed that the item was packed carefully, so it shouldn't be damaged.",
    'You can also change the delivery address in your account settings before it leaves the depot.',
    'I have added a note to your order so that the next agent knows the whole story.',
    "If you'd prefer a refund instead, let us know and we will process it within three business days.",
    'We really appreciate your patience and your kind words about our support team.',
    'Have a wonderful weekend, and do not hesitate to write to us again.',
  ],
  ru: [
    'Спасибо, что написали нам, и простите, что заказ пришёл с опозданием.',
    'Я проверила номер отслеживания: посылка уже у курьера в вашем городе.',
    'Если она не придёт до пятницы, ответьте здесь, и мы бесплатно отправим замену.',
    'Мы понимаем, как неприятно ждать посылку, которая нужна для работы.',
    'Наш склад подтвердил, что товар был упакован аккуратно и не должен быть повреждён.',
    'Вы также можете изменить адрес доставки в настройках профиля, пока заказ ещё на складе.',
    'Я добавила комментарий к вашему заказу, чтобы следующий сотрудник знал всю историю.',
    'Если вы предпочитаете возврат денег, напишите нам, и мы оформим его за три рабочих дня.',
    'Мы очень ценим ваше терпение и добрые слова о нашей службе поддержки.',
    'Хороших вам выходных, и пишите нам в любое время.',
  ],
  pl: [
    'Dziękujemy za wiadomość i przepraszamy, że zamówienie dotarło z opóźnieniem.',
    'Sprawdziłam numer przesyłki i paczka jest już u kuriera w Pani mieście.',
    'Jeśli nie dotrze do piątku, prosimy o odpowiedź tutaj, a bezpłatnie wyślemy nową.',
    'Rozumiemy, jak frustrujące jest czekanie na paczkę potrzebną do pracy.',
    'Nasz magazyn potwierdził, że produkt został starannie zapakowany i nie powinien być uszkodzony.',
    'Adres dostawy można też zmienić w ustawieniach konta, zanim paczka opuści magazyn.',
    'Dodałam notatkę do zamówienia, aby kolejny konsultant znał całą historię.',
    'Jeśli woli Pani zwrot pieniędzy, prosimy o informację, a zrealizujemy go w ciągu trzech dni roboczych.',
    'Bardzo dziękujemy za cierpliwość i miłe słowa o naszym zespole obsługi klienta.',
    'Życzymy udanego weekendu i zapraszamy do kontaktu w każdej chwili.',
  ],
};

/** The sentences of a language, cycled from `offset` until the reply is at least `length` characters. */
export function longReply(lang: SpellLang, length = 2_000, offset = 0): string {
  const sentences = SENTENCES[lang];
  let reply = '';
  for (let i = offset; reply.length < length; i++) reply += (reply === '' ? '' : ' ') + sentences[i % sentences.length];
  return reply;
}
