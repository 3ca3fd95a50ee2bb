// Containment below the URL layer: raw segments that the URL parser would have
// normalised away are refused here too.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside } from '../../../electron/main/contained-path.ts';

const root = resolve('/srv/custody/renderer');

describe('resolveInside', () => {
  it.each([
    [['..', 'secret.txt']],
    [['assets', '..', '..', 'secret.txt']],
    [['.']],
    [['']],
    [[]],
    [['a/b']],
    [['..\\secret.txt']],
    [['C:', 'Windows']],
    [['index.html\0']],
  ])('refuses %j', (segments) => {
    expect(resolveInside(root, segments)).toBeNull();
  });

  it('joins plain segments', () => {
    expect(resolveInside(root, ['assets', 'index.js'])).toBe(join(root, 'assets', 'index.js'));
    expect(resolveInside(root, ['..hidden'])).toBe(join(root, '..hidden'));
  });
});

describe('isInside', () => {
  it('accepts the root and its descendants only', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, join(root, 'a', 'b'))).toBe(true);
    expect(isInside(root, resolve(root, '..'))).toBe(false);
    expect(isInside(root, `${root}-evil/x`)).toBe(false);
    expect(isInside(root, '/etc/passwd')).toBe(false);
  });
});
