import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batchDigest, digestEvents } from '../../../shared/formats/access-logs/digest.ts';
import { logFixture, read } from './helpers.ts';

const sha = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

describe('raw digests', () => {
  it('fills each event’s rawDigest with the SHA-256 of its raw text (UTF-8)', async () => {
    const { events } = read(logFixture('okta/system-log.jsonl'));
    expect(events.every((e) => e.rawDigest === undefined)).toBe(true);
    await digestEvents(events, 3);
    for (const e of events) expect(e.rawDigest).toBe(sha(e.raw));
  });

  it('seals a batch of raw lines as its JSON Lines bytes', async () => {
    expect(await batchDigest(['{"a":1}', '{"b":"é"}'])).toBe(sha('{"a":1}\n{"b":"é"}\n'));
    expect(await batchDigest([])).toBe(sha(''));
  });
});
