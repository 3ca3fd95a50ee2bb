import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { demoDir, demoFile, fileOf, run, testEngine } from './helpers.ts';

describe('ingest of the demo access logs', () => {
  it('imports every demo log as a complete source with its digest and counts', async () => {
    const { engine, db } = testEngine();
    await engine.open();
    for (const name of readdirSync(demoDir)) {
      const result = await run(engine, demoFile(name));
      expect(result.status, `${name}: ${result.message}`).toBe('imported');
      expect(result.source!.eventCount).toBeGreaterThan(0);
      expect(result.source!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(result.source!.state).toBe('complete');
    }
    const sources = await engine.sources();
    expect(sources.map((s) => s.format)).toEqual(expect.arrayContaining(['descope-audit', 'okta-system-log']));
    expect(sources).toHaveLength(3);
    const total = sources.reduce((n, s) => n + s.eventCount, 0);
    expect(engine.store.rows).toBe(total);
    expect(await db.ingestJobs.count()).toBe(0);
    const { total: queried } = await engine.query({}, 'time-asc', 0, 10);
    expect(queried).toBe(total);
  });

  it('rejects a file that is not an access log and stores nothing', async () => {
    const { engine, db } = testEngine();
    const result = await run(engine, fileOf('notes.txt', 'just some words\nand more\n'));
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/not an access log/);
    expect(await db.logSources.count()).toBe(0);
  });
});
