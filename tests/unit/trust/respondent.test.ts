import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mechanismKey, normaliseName, partyOf, respondentIdentity } from '../../../core/trust/respondent.js';

describe('who is "the same respondent"', () => {
  it('names compare without accents, case, punctuation or spacing, in any script', () => {
    expect(normaliseName("Côte d'Ivoire")).toBe('cote-d-ivoire');
    expect(normaliseName('  COTE  D’IVOIRE ')).toBe('cote-d-ivoire');
    expect(normaliseName('Türkiye')).toBe('turkiye');
    expect(normaliseName('الجمهورية العربية السورية')).toBe('الجمهورية-العربية-السورية');
    expect(normaliseName('ＵＮＨＣＲ')).toBe('unhcr');
    expect(normaliseName('—')).toBe('');
  });

  it('normalising twice changes nothing, and the result has no separator at either end', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const once = normaliseName(name);
        expect(normaliseName(once)).toBe(once);
        expect(once).not.toMatch(/^-|-$|--/);
      }),
      { numRuns: 300 },
    );
  });

  it('a listed mechanism is its choice value; an "Other" one is its written name, normalised', () => {
    expect(mechanismKey({ value: 'bali_process', label: 'Bali Process' })).toBe('bali_process');
    expect(mechanismKey({ value: 'other', label: 'Foro Regional de Migración' })).toBe('other:foro-regional-de-migracion');
    expect(mechanismKey({ value: 'other', label: 'FORO REGIONAL DE MIGRACION.' })).toBe('other:foro-regional-de-migracion');
  });

  it('one secretariat per mechanism; a State or an organisation by its name', () => {
    const m = { value: 'midcom', label: 'MIDCOM' };
    expect(respondentIdentity({ mechanism: m, kind: 'secretariat', party: 'whatever' }).key).toBe('midcom/secretariat');
    expect(respondentIdentity({ mechanism: m, kind: 'state', party: 'Sénégal' })).toEqual({
      key: 'midcom/state/senegal',
      mechanismKey: 'midcom',
      kind: 'state',
      party: 'Sénégal',
      partyKey: 'senegal',
    });
    expect(respondentIdentity({ mechanism: m, kind: 'organisation', party: 'UNHCR' }).key).toBe('midcom/organisation/unhcr');
    expect(respondentIdentity({ mechanism: m, kind: 'state', party: 'UNHCR' }).key).not.toBe('midcom/organisation/unhcr');
  });

  it('the State comes from respondent.state (format 2), else from the signed answer state_name (format 1)', () => {
    expect(partyOf({ kind: 'state', organisation: 'Ministry', state: 'Ghana' }, { state_name: 'Togo' })).toBe('Ghana');
    expect(partyOf({ kind: 'state', organisation: 'Ministry' }, { state_name: 'Togo' })).toBe('Togo');
    expect(partyOf({ kind: 'state', organisation: 'Ministry' }, null)).toBe('');
    expect(partyOf({ kind: 'organisation', organisation: 'UNHCR', state: '' })).toBe('UNHCR');
    expect(partyOf({ kind: 'secretariat', organisation: 'RSO', state: '' })).toBe('');
  });
});
