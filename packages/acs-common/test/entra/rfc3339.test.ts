import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../src/entra/rfc3339.js';

describe('parseRfc3339 (expiresOn of the exchange response)', () => {
  it('reads the service examples: 7 fractional digits, any offset', () => {
    // dotnet-common §3.4 and §5.6; peers-and-pain §3a (the 2025-06-30 example uses -07:00)
    expect(parseRfc3339('2034-10-04T10:21:29.4729393+00:00')).toBe(Date.UTC(2034, 9, 4, 10, 21, 29, 472));
    expect(parseRfc3339('2025-04-10T21:39:39.3244584-07:00')).toBe(Date.UTC(2025, 3, 11, 4, 39, 39, 324));
    expect(parseRfc3339('2025-04-10T21:39:39.3244584+05:30')).toBe(Date.UTC(2025, 3, 10, 16, 9, 39, 324));
  });

  it('accepts Z/z, t and space separators, no fraction, long fractions (truncated)', () => {
    const base = Date.UTC(2025, 3, 10, 21, 39, 39);
    expect(parseRfc3339('2025-04-10T21:39:39Z')).toBe(base);
    expect(parseRfc3339('2025-04-10t21:39:39z')).toBe(base);
    expect(parseRfc3339('2025-04-10 21:39:39Z')).toBe(base);
    expect(parseRfc3339('2025-04-10T21:39:39.9999999999Z')).toBe(base + 999);
    expect(parseRfc3339('2025-04-10T21:39:39.5Z')).toBe(base + 500);
  });

  it('agrees with V8 Date.parse on the 7-digit form (which ECMAScript does not guarantee)', () => {
    for (const text of ['2034-10-04T10:21:29.4729393+00:00', '2025-04-10T21:39:39.3244584-07:00']) {
      expect(parseRfc3339(text)).toBe(Date.parse(text));
    }
  });

  it('rejects what is not RFC 3339, including a missing offset (Date.parse would guess local time)', () => {
    for (const text of [
      '',
      '2025-04-10T21:39:39',
      '2025-04-10',
      'Tue, 10 Apr 2025 21:39:39 GMT',
      '2025-04-10T21:39:39+0000',
      '2025-13-10T21:39:39Z',
      '2025-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-04-10T24:00:00Z',
      '2025-04-10T21:60:00Z',
      '2025-04-10T21:39:39.Z',
      '2025-04-10T21:39:39+24:00',
      ' 2025-04-10T21:39:39Z',
      '12345',
    ]) {
      expect(parseRfc3339(text), text).toBeUndefined();
    }
    expect(parseRfc3339('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('property: round-trips Date#toISOString, and any offset names the same instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (instant, offsetInMinutes) => {
          expect(parseRfc3339(new Date(instant).toISOString())).toBe(instant);
          const local = new Date(instant + offsetInMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetInMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetInMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseRfc3339(`${local}4729${offset}`)).toBe(instant);
        },
      ),
    );
  });
});
