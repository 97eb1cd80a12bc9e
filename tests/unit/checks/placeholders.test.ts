import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('placeholders (block)', () => {
  it('blocks an unfilled fill-in field, naming it', async () => {
    const [finding] = await check('Your parcel {{? tracking link }} is on its way.');
    expect(finding).toMatchObject({ kind: 'placeholder', rule: 'placeholder.unfilled', severity: 'block', text: '{{? tracking link }}', params: { field: 'tracking link' } });
  });

  it('passes the known variables and blocks unknown ones', async () => {
    const text = 'Hi {{contact.first_name}} {{ contact.name }}, {{agent.name}} from {{account.name}} on {{platform}}. {{contact.nmae}} {{order.id}}';
    expect(await hitsOf('placeholder', text)).toEqual([
      ['placeholder.unknown_variable', '{{contact.nmae}}'],
      ['placeholder.unknown_variable', '{{order.id}}'],
    ]);
  });

  it('reads fill-in fields in Russian and Polish', async () => {
    expect(await hitsOf('placeholder', 'Ваш заказ {{? номер заказа }} и {{?numer}}')).toEqual([
      ['placeholder.unfilled', '{{? номер заказа }}'],
      ['placeholder.unfilled', '{{?numer}}'],
    ]);
  });

  it('ignores single braces and stray pairs', async () => {
    expect(await hitsOf('placeholder', 'Use {code} or }} {{ here')).toEqual([]);
  });
});
