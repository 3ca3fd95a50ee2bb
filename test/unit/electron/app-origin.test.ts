import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createOriginPolicy, originOf } from '../../../electron/main/app-origin.ts';

describe('app origin', () => {
  it('rebuilds origins for custom schemes (Node reports "null" for them)', () => {
    expect(originOf('app://custody/index.html')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });

  it('trusts only app://custody, plus an http dev server when given', () => {
    expect(createOriginPolicy().origins).toEqual(['app://custody']);
    expect(createOriginPolicy('http://localhost:5173').origins).toEqual(['app://custody', 'http://localhost:5173']);
    const policy = createOriginPolicy();
    expect(policy.isAppUrl('app://custody/x')).toBe(true);
    expect(policy.isAppUrl('app://custody.evil/x')).toBe(false);
    expect(policy.isAppUrl('app://evil@custody.evil/x')).toBe(false);
  });
});
