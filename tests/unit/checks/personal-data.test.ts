import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('personal data in a public reply', () => {
  it('blocks an email, with the fix to reply privately', async () => {
    const [finding] = await check('Write to anna.k+orders@example.co.uk and we will sort it out');
    expect(finding).toMatchObject({ kind: 'personal_data', rule: 'personal_data.email', severity: 'block', fix: 'reply_privately', text: 'anna.k+orders@example.co.uk' });
  });

  it('lets the same details through in a private reply', async () => {
    expect(await check('Write to anna@example.com or call +48 600 123 456', { visibility: 'private' })).toEqual([]);
  });

  it('finds phone numbers as people write them in en, ru and pl', async () => {
    expect(await hitsOf('personal_data', 'Call us at (555) 123-4567 or +1 555 123 4567')).toEqual([
      ['personal_data.phone', '(555) 123-4567'],
      ['personal_data.phone', '+1 555 123 4567'],
    ]);
    expect(await hitsOf('personal_data', 'Позвоните по номеру 8 (916) 123-45-67 или +7 916 123 45 67')).toEqual([
      ['personal_data.phone', '8 (916) 123-45-67'],
      ['personal_data.phone', '+7 916 123 45 67'],
    ]);
    expect(await hitsOf('personal_data', 'Proszę zadzwonić: 600 123 456 albo 600123456')).toEqual([
      ['personal_data.phone', '600 123 456'],
      ['personal_data.phone', '600123456'],
    ]);
  });

  it('does not take dates, times, prices, decimals or short numbers for phones', async () => {
    const text =
      'Delivered on 2024-01-15 at 10:30 and 15.01.2024, refund of $1,299.99, ' +
      'стоимость 1 299 000 ₽ или 12 500 000 руб., cena 1 000 000 000 zł, pi is 3.14159265, we have 1000000 customers, 7 days.';
    expect(await hitsOf('personal_data', text)).toEqual([]);
  });

  it('ignores numbers inside links, hashtags and @mentions', async () => {
    const text = 'See https://shop.example.com/orders/123456789 and www.example.com/track?id=4111111111111111, #sale2024 @shop_600123456';
    expect(await hitsOf('personal_data', text)).toEqual([]);
  });

  it('blocks a card number only when its Luhn digit is right', async () => {
    expect(await hitsOf('personal_data', 'Card 4111 1111 1111 1111 and 4111-1111-1111-1111')).toEqual([
      ['personal_data.card_number', '4111 1111 1111 1111'],
      ['personal_data.card_number', '4111-1111-1111-1111'],
    ]);
    expect(await hitsOf('personal_data', 'Reference 4111 1111 1111 1112')).toEqual([]);
  });

  it('blocks an IBAN, and a Polish account number written without "PL", only when mod 97 holds', async () => {
    expect(await hitsOf('personal_data', 'Pay to DE89 3704 0044 0532 0130 00 THANKS')).toEqual([['personal_data.iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(await hitsOf('personal_data', 'Konto: 61 1090 1014 0000 0712 1981 2874.')).toEqual([['personal_data.iban', '61 1090 1014 0000 0712 1981 2874']]);
    expect(await hitsOf('personal_data', 'Pay to DE00 3704 0044 0532 0130 00')).toEqual([]);
  });

  it('finds order numbers after the word that names them, in each language', async () => {
    expect(await hitsOf('personal_data', 'Your order #A-20931 has shipped')).toEqual([['personal_data.order_number', 'A-20931']]);
    expect(await hitsOf('personal_data', 'Ваш заказ № 4521-77 уже в пути')).toEqual([['personal_data.order_number', '4521-77']]);
    expect(await hitsOf('personal_data', 'Zamówienie nr 88231 zostało wysłane')).toEqual([['personal_data.order_number', '88231']]);
    expect(await hitsOf('personal_data', 'Your order is on its way, order 12 will follow')).toEqual([]);
  });

  it('finds tracking numbers: UPS, UPU S10 with a valid check digit, and numbers after "tracking"', async () => {
    expect(await hitsOf('personal_data', 'UPS 1Z999AA10123456784, post AA473124829GB, not AA473124828GB')).toEqual([
      ['personal_data.tracking_number', '1Z999AA10123456784'],
      ['personal_data.tracking_number', 'AA473124829GB'],
    ]);
    expect(await hitsOf('personal_data', 'Трек-номер: 80082345678901')).toEqual([['personal_data.tracking_number', '80082345678901']]);
    expect(await hitsOf('personal_data', 'Numer przesyłki 620012345678901234567890')).toEqual([['personal_data.tracking_number', '620012345678901234567890']]);
  });

  it('does not take names, hashtags or @mentions for personal data', async () => {
    expect(await hitsOf('personal_data', 'Thanks @anna.kowalska! #KeepItSimple — Anna from Northwind')).toEqual([]);
  });
});
