import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alwaysOpen, SlaSettings } from '../../../shared/triage';

/** The schema's complaint about `input`, as the settings screen would show it. */
function refusal(input: unknown): string {
  const result = SlaSettings.safeParse(input);
  if (result.success) throw new Error('accepted');
  return z.prettifyError(result.error);
}

const warsaw = (hours: object = {}) => ({ hours: { timeZone: 'Europe/Warsaw', ...hours } });

describe('SLA settings schema', () => {
  it('fills in the defaults: 30 minutes for DMs, 60 for public items, Mon–Fri 09:00–17:00', () => {
    const settings = SlaSettings.parse(warsaw());
    expect(settings.targets).toEqual({ dm: 30, comment: 60, mention: 60, review: 60 });
    expect(settings.hours.weekly.mon).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(settings.hours.weekly.fri).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(settings.hours.weekly.sat).toEqual([]);
    expect(settings.hours.weekly.sun).toEqual([]);
    expect(settings.hours.holidays).toEqual([]);
  });

  it('accepts several openings a day, overnight openings, 24:00 as an end, and UTC', () => {
    const weekly = { mon: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }, { from: '22:00', to: '06:00' }], sun: [{ from: '00:00', to: '24:00' }] };
    expect(SlaSettings.safeParse(warsaw({ weekly, holidays: ['2025-12-25', '2024-02-29'] })).success).toBe(true);
    // Intl.supportedValuesOf('timeZone') does not list "UTC", but Intl accepts it.
    expect(alwaysOpen('UTC').weekly.wed).toEqual([{ from: '00:00', to: '24:00' }]);
  });

  it('refuses an unknown time zone by name', () => {
    expect(refusal({ hours: { timeZone: 'Mars/Olympus_Mons' } })).toContain('Unknown time zone "Mars/Olympus_Mons"; use an IANA name such as "Europe/Warsaw"');
  });

  it.each(['9:00', '25:00', '17:60', '24:01', 'noon'])('refuses the time %j', (time) => {
    const message = refusal(warsaw({ weekly: { mon: [{ from: '09:00', to: time }] } }));
    expect(message).toContain('Use a 24-hour time from 00:00 to 24:00');
    expect(message).toContain('hours.weekly.mon[0].to');
  });

  it('refuses openings that start at 24:00 or are empty', () => {
    expect(refusal(warsaw({ weekly: { mon: [{ from: '24:00', to: '06:00' }] } }))).toContain('An opening cannot start at 24:00');
    expect(refusal(warsaw({ weekly: { tue: [{ from: '09:00', to: '09:00' }] } }))).toContain('An opening must not be empty');
  });

  it('refuses overlapping openings on one day, naming them', () => {
    const message = refusal(warsaw({ weekly: { wed: [{ from: '11:00', to: '17:00' }, { from: '22:00', to: '02:00' }, { from: '09:00', to: '12:00' }] } }));
    expect(message).toContain('Openings 09:00–12:00 and 11:00–17:00 overlap');
    expect(message).toContain('hours.weekly.wed');
    expect(SlaSettings.safeParse(warsaw({ weekly: { wed: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '17:00' }] } })).success).toBe(true);
  });

  it('refuses a week with no business hours at all', () => {
    expect(refusal(warsaw({ weekly: {} }))).toContain('Business hours must open at least once a week');
  });

  it.each(['2025-02-29', '2025-13-01', '25-12-2025', '2025-12-25T00:00'])('refuses the holiday %j', (date) => {
    expect(refusal(warsaw({ holidays: [date] }))).toContain('Use a real date as YYYY-MM-DD');
  });

  it.each([0, -5, 1.5, 7 * 24 * 60 + 1])('refuses the target %s', (dm) => {
    expect(refusal({ ...warsaw(), targets: { dm } })).toContain('targets.dm');
  });
});
