import fc from 'fast-check';
import { isKnownTimezone, normalizeEmail, passwordProblem } from '../identity-rules';

describe('identity rules', () => {
  it('wants passwords of at least 12 characters', () => {
    expect(passwordProblem('eleven-char')).toBe('must be at least 12 characters long');
    expect(passwordProblem('twelve-chars')).toBeNull();
    expect(passwordProblem(' '.repeat(12))).toBe('must not be blank');
  });

  it('knows IANA time zones and nothing else', () => {
    expect(isKnownTimezone('Europe/Berlin')).toBe(true);
    expect(isKnownTimezone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isKnownTimezone('UTC')).toBe(true);
    expect(isKnownTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimezone('+02:00')).toBe(false);
    expect(isKnownTimezone('')).toBe(false);
  });

  it('normalizes emails so that letter case never makes two accounts', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const normalized = normalizeEmail(email);
        expect(normalizeEmail(normalized)).toBe(normalized);
        expect(normalizeEmail(email.toUpperCase())).toBe(normalized);
        expect(normalizeEmail(`  ${email} `)).toBe(normalized);
      }),
    );
  });
});
