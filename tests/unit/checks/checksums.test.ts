import { describe, expect, it } from 'vitest';
import { ibanPrefixLength, ibanValid, luhnValid, s10Valid } from '../../../main/engine/checks/checksums';

describe('Luhn', () => {
  it('accepts real test card numbers and rejects one digit off', () => {
    for (const card of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) expect(luhnValid(card), card).toBe(true);
    for (const card of ['4111111111111112', '5555555555554440', '1234567812345678', '']) expect(luhnValid(card), card).toBe(false);
  });
});

describe('IBAN mod 97', () => {
  it('accepts valid IBANs, spaced or not, in any case', () => {
    for (const iban of ['GB82WEST12345698765432', 'DE89 3704 0044 0532 0130 00', 'PL61 1090 1014 0000 0712 1981 2874', 'pl61109010140000071219812874']) {
      expect(ibanValid(iban), iban).toBe(true);
    }
  });

  it('rejects a wrong check digit, a wrong length for the country, and non-IBAN shapes', () => {
    for (const iban of ['GB82WEST12345698765431', 'DE89370400440532013000 1', 'PL6110901014000007121981287', 'DE8937040044053201300', '1234567890123456']) {
      expect(ibanValid(iban), iban).toBe(false);
    }
  });

  it('finds where the IBAN ends when capitals follow it', () => {
    const candidate = 'DE89 3704 0044 0532 0130 00 THAN';
    expect(candidate.slice(0, ibanPrefixLength(candidate))).toBe('DE89 3704 0044 0532 0130 00');
    expect(ibanPrefixLength('DE00 3704 0044 0532 0130 00')).toBe(0);
  });
});

describe('UPU S10 parcel numbers', () => {
  it('checks the mod-11 check digit', () => {
    expect(s10Valid('AA473124829GB')).toBe(true);
    expect(s10Valid('AA473124828GB')).toBe(false);
    expect(s10Valid('AA47312482GB')).toBe(false);
  });
});
