// Deterministic data for the review benchmarks: a long agent transcript that looks
// like real work (markdown, reasoning, tool calls with nested arguments, JSON and
// long text tool output), a rubric, and a large queue. Same seed → same bytes.
import type { QueueItem } from '../../../renderer/src/db/rows.ts';
import type { RubricContent } from '../../../shared/model/rubric.ts';
import type { Message, Transcript } from '../../../shared/model/transcript.ts';

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'patient chart potassium creatinine dose lisinopril warfarin interaction escalate clinician order refill ' +
  'result abnormal trend follow-up message appointment vitals blood pressure review confirm schedule allergy ' +
  'history summary medication note urgent routine callback safety plan lab panel reading'
).split(' ');

function sentence(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand, 6 + Math.floor(rand() * 12))).join(' ');
}

function markdownAnswer(rand: () => number): string {
  const items = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => `- **${sentence(rand, 2).slice(0, -1)}**: ${sentence(rand, 8)}`);
  return `${paragraph(rand, 2)}\n\n${items.join('\n')}\n\n${paragraph(rand, 1)} See \`order_id\` below.`;
}

function toolOutput(rand: () => number, i: number): unknown {
  if (i % 10 === 0) {
    // A long text dump that folds (over 40 lines).
    return Array.from({ length: 120 }, (_, l) => `${String(l).padStart(4, '0')}  ${sentence(rand, 7)}`).join('\n');
  }
  return {
    status: rand() < 0.9 ? 'ok' : 'error',
    patient: { mrn: `DEMO-MRN-${String(10000 + i).padStart(5, '0')}`, name: sentence(rand, 2).slice(0, -1) },
    results: Array.from({ length: 3 + Math.floor(rand() * 5) }, (_, k) => ({
      test: words[(i + k) % words.length],
      value: Math.round(rand() * 1000) / 10,
      flag: rand() < 0.2 ? 'H' : null,
      note: sentence(rand, 5),
    })),
  };
}

export function generateTranscript(messageCount = 2000, seed = 42, id = 'bench-transcript-2000'): Transcript {
  const rand = prng(seed);
  const messages: Message[] = [
    { id: `${id}-m0`, role: 'system', content: [{ type: 'text', text: paragraph(rand, 3) }], toolCalls: [] },
  ];
  let call = 0;
  for (let i = 1; messages.length < messageCount; i++) {
    const at = new Date(Date.UTC(2026, 10, 3, 15, 0, 0) + messages.length * 4000).toISOString();
    const push = (m: Omit<Message, 'id' | 'timestamp'>) => {
      if (messages.length < messageCount) messages.push({ ...m, id: `${id}-m${messages.length}`, timestamp: at });
    };
    push({ role: 'user', content: [{ type: 'text', text: paragraph(rand, 1 + Math.floor(rand() * 3)) }], toolCalls: [] });
    const callId = `call_${String(++call).padStart(6, '0')}`;
    push({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: paragraph(rand, 2) },
        { type: 'text', text: sentence(rand, 9) },
      ],
      toolCalls: [
        {
          id: callId,
          name: ['ehr.read_chart', 'labs.order', 'messaging.send'][i % 3]!,
          server: 'mcp-ehr',
          arguments: { patient_mrn: `DEMO-MRN-${10000 + i}`, sections: ['medications', 'labs'], options: { since: '2026-01-01', limit: 20 } },
        },
      ],
    });
    push({ role: 'tool', name: 'ehr.read_chart', content: [], toolCalls: [], toolResult: { toolCallId: callId, content: toolOutput(rand, i) } });
    push({ role: 'assistant', content: [{ type: 'text', text: markdownAnswer(rand) }], toolCalls: [] });
  }
  return {
    id,
    sourceFormat: 'custody',
    title: `Bench: ${messageCount.toLocaleString('en')}-message care-coordination session`,
    agent: { id: 'bench-agent', name: 'BenchAgent', version: '1.0' },
    principalUser: 'bench@example.test',
    startedAt: '2026-11-03T15:00:00.000Z',
    messages,
    correlation: { traceId: 'bench0000000000000000000000000001' },
    tags: ['bench'],
    metadata: {},
  };
}

export const benchRubric: RubricContent = {
  id: 'bench-rubric',
  version: 1,
  title: 'Bench rubric',
  description: 'Twelve criteria, every scale kind.',
  criteria: [
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `b${i + 1}`,
      text: `Binary criterion ${i + 1}: ${['reads the chart first', 'reports values exactly', 'escalates red flags', 'asks before ordering', 'keeps to minimum necessary'][i % 5]}.`,
      points: i % 4 === 3 ? -5 : 5,
      tags: [`axis:${['accuracy', 'safety', 'communication'][i % 3]}`],
      scale: { kind: 'binary' as const },
      rationaleRequired: false,
    })),
    {
      id: 'o1',
      text: 'Clarity of the patient message.',
      points: 4,
      tags: ['axis:communication'],
      scale: { kind: 'ordinal' as const, levels: [1, 2, 3, 4, 5].map((value) => ({ value, anchor: `Level ${value}` })) },
      rationaleRequired: false,
    },
    {
      id: 'k1',
      text: 'Escalation timing.',
      points: 6,
      tags: ['axis:safety'],
      scale: {
        kind: 'categorical' as const,
        options: [
          { id: 'on-time', label: 'On time', credit: 1 },
          { id: 'late', label: 'Late', credit: 0.5 },
          { id: 'missing', label: 'Missing', credit: 0 },
        ],
      },
      rationaleRequired: false,
    },
  ],
};

/** `count` queue items for one annotator; the first points at `firstTranscriptId`. */
export function generateQueue(count: number, annotatorId: string, rubricHash: string, firstTranscriptId: string, seed = 7): QueueItem[] {
  const rand = prng(seed);
  const agents = ['CareCoord', 'TriageBot', 'Scribe', 'RefillAssist', 'LabWatch'];
  const statuses: QueueItem['status'][] = ['todo', 'todo', 'todo', 'draft', 'submitted'];
  return Array.from({ length: count }, (_, order) => {
    const transcriptId = order === 0 ? firstTranscriptId : `bench-q-${order}`;
    return {
      id: `${transcriptId}|${rubricHash}|${annotatorId}`,
      transcriptId,
      rubricHash,
      annotatorId,
      order,
      status: order === 0 ? 'todo' : statuses[Math.floor(rand() * statuses.length)]!,
      title: order === 0 ? 'Bench: long session' : `Case ${order}: ${sentence(rand, 5).slice(0, -1)}`,
      agentName: agents[Math.floor(rand() * agents.length)]!,
      tags: [`ward:${words[Math.floor(rand() * words.length)]}`, ...(rand() < 0.3 ? ['urgent'] : [])],
    };
  });
}
