// The vocabulary's term lookup (indexOf over sealed segments, includes over the open rest)
// against a plain scan of every value.
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../renderer/src/logs/engine/vocabulary.ts';
import { prng } from './helpers.ts';

describe('Vocabulary', () => {
  it('finds exactly the values containing a term, sealed or not, never across two values', () => {
    const rand = prng(5);
    const alphabet = 'abcde-.é';
    const values: string[] = [];
    const vocab = new Vocabulary(7);
    for (let k = 0; k < 400; k++) {
      const v = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const id = vocab.id(v);
      if (id === values.length) values.push(v);
      expect(values[id]).toBe(v);
    }
    expect(vocab.size).toBe(values.length);
    for (const term of ['a', 'ab', 'e-', 'é', 'cde', 'aaaa', 'x', 'ba.', ...values.slice(0, 20)]) {
      const got = vocab.containing(term);
      const want = values.map((v) => (v.includes(term) ? 1 : 0));
      expect({ term, ids: got ? [...got] : want.map(() => 0) }).toEqual({ term, ids: want });
    }
    // "ab" + "cd" as neighbours must not make "bc" a hit.
    const two = new Vocabulary(2);
    two.id('ab');
    two.id('cd');
    expect(two.containing('bc')).toBeNull();
    expect([...two.containing('d')!]).toEqual([0, 1]);
  });
});
