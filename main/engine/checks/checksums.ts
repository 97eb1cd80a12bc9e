/** Check digits that tell a real card, account or parcel number from any long number. */

/** Luhn (ISO/IEC 7812): payment card numbers. `digits` holds digits only. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 IBAN lengths of the countries our customers bank in; others are held to the general 15–34. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = { PL: 28, DE: 22, GB: 22, FR: 27, ES: 24, IT: 27, NL: 18, BE: 16, AT: 20, CZ: 24, SK: 24, LT: 20, LV: 21, EE: 20, UA: 29, BY: 28, KZ: 20, IE: 22, CH: 21, SE: 24, NO: 15, FI: 18, DK: 18 };

/** ISO 7064 mod 97-10 over the IBAN moved round (country and check digits to the end, letters as 10–35). */
export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) return false;
  let remainder = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/**
 * The length of the valid IBAN that `candidate` (groups of four, maybe spaced)
 * begins with, or 0. A pattern cannot tell where an IBAN ends and a word in
 * capitals begins ("DE89 3704 0044 0532 0130 00 THANKS"); the country's length can.
 */
export function ibanPrefixLength(candidate: string): number {
  const expected = IBAN_LENGTHS[candidate.slice(0, 2).toUpperCase()];
  if (expected === undefined) return ibanValid(candidate) ? candidate.length : 0;
  let seen = 0;
  for (let i = 0; i < candidate.length; i++) {
    if (candidate[i] !== ' ' && ++seen === expected) return ibanValid(candidate.slice(0, i + 1)) ? i + 1 : 0;
  }
  return 0;
}

/** UPU S10 parcel numbers ("RA123456789CN"): eight serial digits and a weighted mod-11 check digit. */
export function s10Valid(code: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(code.toUpperCase());
  if (!m) return false;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...m[1]!].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return (check === 10 ? 0 : check === 11 ? 5 : check) === Number(m[2]);
}
