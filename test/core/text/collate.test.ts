/** Naming a case or code the way the matrix shows it (#17.2): id, or name with case and accents ignored. */
import { describe, expect, it } from 'vitest';
import { findNamed } from '../../../src/core/text/collate.js';
import { fold } from '../../../src/core/text/positions.js';

const cases = [
  { id: 'rotterdam', names: ['Rotterdam'] },
  { id: 'den-haag', names: ['Den Haag'] },
  { id: 'belgie', names: ['België'] },
  { id: 'r2', names: ['Rotterdam'] }, // a second case of the same name only in the ambiguity test
];

describe('findNamed', () => {
  const three = cases.slice(0, 3);
  it('takes the id, and the name in any case, with or without accents', () => {
    for (const q of ['rotterdam', 'Rotterdam', 'ROTTERDAM', ' rotterdam ']) expect(findNamed(q, three)).toEqual({ id: 'rotterdam' });
    expect(findNamed('den  haag', three)).toEqual({ id: 'den-haag' });
    expect(findNamed('BELGIË', three)).toEqual({ id: 'belgie' });
    expect(findNamed('Belgie', three)).toEqual({ id: 'belgie' });
  });

  it('on a miss gives the closest id or name', () => {
    expect(findNamed('Roterdam', three)).toEqual({ id: null, closest: 'Rotterdam', ambiguous: [] });
    expect(findNamed('Den Hag', three)).toEqual({ id: null, closest: 'Den Haag', ambiguous: [] });
    expect(findNamed('x', [])).toEqual({ id: null, closest: undefined, ambiguous: [] });
  });

  it('a name two items share is not guessed; an exact id still is', () => {
    expect(findNamed('ROTTERDAM', cases)).toEqual({ id: null, closest: undefined, ambiguous: ['rotterdam', 'r2'] });
    expect(findNamed('r2', cases)).toEqual({ id: 'r2' });
  });

  it('fold', () => expect(fold('  Überzicht  Één ')).toBe('uberzicht een'));
});
