import { describe, expect, it } from 'vitest';
import { findStagedTwins } from '../../../renderer/src/features/logs/staged-twins.ts';

const file = (name: string, text: string) => Object.assign(new Blob([text]), { name });

describe('staged twins', () => {
  it('names the earlier file for each later one with the same bytes, and only hashes equal sizes', async () => {
    const hashed: string[] = [];
    const staged = [
      { key: 'a', file: file('okta.jsonl', '{"a":1}\n') },
      { key: 'b', file: file('other.jsonl', '{"b":2}\n') }, // same size, other bytes
      { key: 'c', file: file('okta (copy).jsonl', '{"a":1}\n') },
      { key: 'd', file: file('big.jsonl', '{"a":1}\n{"a":1}\n') },
    ];
    const twins = await findStagedTwins(staged);
    expect([...twins]).toEqual([['c', 'okta.jsonl']]);
    await findStagedTwins(staged, async (f) => {
      hashed.push((f as Blob & { name: string }).name);
      return String(f.size);
    });
    expect(hashed).not.toContain('big.jsonl');
  });
});
