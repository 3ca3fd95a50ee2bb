// The fast subset of the fuzz harness (test/fuzz, full run: `npm run fuzz`): for every
// reader, generated inputs from the project's fixtures covering every damage class once
// or twice. No crash, no lost record, the streamed and whole-file paths agree, and no input
// takes longer than LIMIT_MS. A failure names the replay command for its input.
import { describe, expect, it } from 'vitest';
import { openSession, replayCommand, type SessionConfig } from '../../fuzz/session.ts';
import { OPS, generateCase, judge, Baselines, type Case } from '../../fuzz/harness.ts';
import { targets, type Outcome, type Target } from '../../fuzz/targets.ts';
import { fixtureSeed, accessRecords } from '../../fuzz/seeds.ts';

const PER_TARGET = OPS.length;
// Generous: a shared, loaded machine stretches times tenfold; a real hang never returns.
const LIMIT_MS = 5_000;

describe.each(targets.map((t) => [t.name] as const))('fuzz %s', (name) => {
  it(`${PER_TARGET} generated inputs: no crash, hang or lost record`, () => {
    const config: SessionConfig = { target: name, runSeed: 1, scale: 'fast', withCorpus: false };
    const session = openSession(config);
    const failures: string[] = [];
    for (let index = 0; index < PER_TARGET; index++) {
      const c = session.generate(index);
      if (c.keep.length) session.baselines.of(session.seeds[c.seed]!);
      const v = session.check(c);
      const what = [...v.crashes, ...v.lost, ...v.mismatches];
      if (v.ms > LIMIT_MS) what.push(`took ${v.ms.toFixed(0)} ms (limit ${LIMIT_MS})`);
      if (what.length) failures.push(`#${index} ${c.op} (${c.detail.slice(0, 100)}): ${what.join(' | ').slice(0, 600)}\n  replay: ${replayCommand(config, index)}`);
    }
    expect(failures).toEqual([]);
    // Only the fixture's deliberate repeated id may leave a record out of the oracle.
    expect(session.baselines.notes.filter((n) => !/custody\/transcripts\.json: record 4 /.test(n))).toEqual([]);
  });
});

describe('the harness', () => {
  it('covers every damage class and is deterministic', () => {
    const session = openSession({ target: 'okta-system-log', runSeed: 7, scale: 'fast', withCorpus: false });
    const ops = new Set<string>();
    for (let i = 0; i < OPS.length; i++) {
      const a = session.generate(i);
      const b = session.generate(i);
      expect(b.file.bytes).toEqual(a.file.bytes);
      expect(b.detail).toBe(a.detail);
      ops.add(a.op);
    }
    expect([...ops].sort()).toEqual([...OPS].sort());
  });

  // A reader with a planted bug: the line after a line that is not JSON is dropped,
  // and a line holding "BOOM" throws. The oracle and the crash check must both see it.
  const buggy: Target = {
    name: 'buggy-jsonl',
    group: 'stream',
    streams: false,
    jsonLocality: 'split',
    seeds: () => [fixtureSeed('access-logs/okta/system-log.jsonl', accessRecords)],
    run(file): Outcome {
      const items: string[] = [];
      const crashes: string[] = [];
      let skipNext = false;
      for (const line of new TextDecoder().decode(file.bytes).split('\n')) {
        if (line.trim() === '') continue;
        if (skipNext) {
          skipNext = false;
          continue;
        }
        if (line.includes('BOOM')) crashes.push('threw');
        try {
          items.push(JSON.stringify(JSON.parse(line)));
        } catch {
          skipNext = true;
        }
      }
      return { items, exact: JSON.stringify(items), problems: [], crashes };
    },
  };

  it('reports a record lost to damage in its neighbour', () => {
    const seeds = buggy.seeds(false);
    const baselines = new Baselines(buggy);
    let lost = 0;
    for (let i = 0; i < 20; i++) {
      const c: Case = generateCase(buggy, seeds, 3, i * OPS.length + OPS.indexOf('huge-element'), 'fast');
      lost += judge(buggy, seeds, baselines, c).lost.length;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('reports a crash and keeps quiet on a clean reader', () => {
    const seeds = buggy.seeds(false);
    const baselines = new Baselines(buggy);
    const base = generateCase(buggy, seeds, 3, OPS.indexOf('pristine'), 'fast');
    expect(judge(buggy, seeds, baselines, base)).toMatchObject({ crashes: [], lost: [], mismatches: [] });
    const boom = { ...base, file: { name: base.file.name, bytes: new TextEncoder().encode('{"a":"BOOM"}\n') }, keep: [] };
    expect(judge(buggy, seeds, baselines, boom).crashes).toEqual(['whole: threw']);
  });
});
