// Files built in memory from the one XSS corpus (test/fixtures/xss/payloads.ts), so the
// corpus is defined once: native transcripts (text, reasoning, media, tool calls with hostile
// argument keys and values, string and structured tool results), a native rubric (title,
// description, criterion texts, tags, ordinal anchors, categorical labels), a chat JSONL
// whose broken lines are hostile, and an Okta System Log whose actor, target, reason, user
// agent, action and ids are hostile, with one hostile line that is not JSON. File names carry
// the corpus too.
import { chunks, payloads, type XssPayload } from '../fixtures/xss/payloads.ts';

export interface MemoryFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const N = 4;
/** The corpus in four groups; each group lands in one transcript and one file name. */
export const groups = chunks(N);
const texts = (ps: XssPayload[]) => ps.map((p) => p.text);
/**
 * A payload as a file name can carry it: one line, and no path separators (no file system
 * allows "/" in a name, and the app rightly keeps only the last path segment), so "/" and "\\"
 * become look-alikes (U+2044, U+29F5); quotes, angle brackets, handlers and schemes stay.
 */
export const asFileName = (text: string) => text.replace(/\s*\n+\s*/g, ' ').replace(/\//g, '\u2044').replace(/\\/g, '\u29f5');
const nameOf = (ps: XssPayload[], ext: string) => `${asFileName(texts(ps).join(' '))}${ext}`;

export const transcriptTitle = (k: number) => `XSS corpus ${k + 1}/${N}: ${texts(groups[k]!).join(' ')}`;

export function transcriptsFile(): MemoryFile {
  const transcripts = groups.map((group, k) => {
    const all = texts(group).join('\n\n');
    const callId = `call_xss_${k}`;
    const args: Record<string, unknown> = { payloads: texts(group), nested: { deeper: { list: texts(group).map((t) => ({ t })) } } };
    for (const p of group) {
      args[`p${p.id}`] = p.text;
      args[p.text] = p.id; // hostile keys
    }
    const structured: Record<string, unknown> = {};
    for (const p of group) structured[p.text] = { value: p.text, id: p.id };
    return {
      id: `xss-corpus-${k + 1}`,
      sourceFormat: 'custody',
      title: transcriptTitle(k),
      agent: { id: group[0]!.text, name: group[1]!.text, version: group[2]!.text },
      principalUser: group[3]!.text,
      tenant: group[4]!.text,
      startedAt: '2026-11-20T10:00:00.000Z',
      endedAt: '2026-11-20T10:05:00.000Z',
      messages: [
        { id: `x${k}-m1`, role: 'system', content: [{ type: 'text', text: all }], toolCalls: [] },
        {
          id: `x${k}-m2`,
          role: 'user',
          name: group[5]!.text,
          content: [
            { type: 'text', text: all },
            { type: 'media', mime: group[6]!.text, description: all },
          ],
          toolCalls: [],
        },
        {
          id: `x${k}-m3`,
          role: 'assistant',
          content: [
            { type: 'reasoning', text: all },
            { type: 'text', text: all },
          ],
          toolCalls: [
            { id: callId, name: group[7]!.text, server: group[8]!.text, arguments: args },
            { id: `${callId}_raw`, name: 'raw.args', arguments: {}, argumentsRaw: all },
          ],
        },
        {
          id: `x${k}-m4`,
          role: 'tool',
          name: group[9]!.text,
          content: [],
          toolCalls: [],
          toolResult: { toolCallId: callId, name: group[7]!.text, content: all },
        },
        {
          id: `x${k}-m5`,
          role: 'tool',
          content: [],
          toolCalls: [],
          toolResult: { toolCallId: `${callId}_raw`, name: 'raw.args', content: structured, isError: true },
        },
        { id: `x${k}-m6`, role: 'assistant', content: [{ type: 'text', text: all }], toolCalls: [] },
      ],
      correlation: { traceId: group[10]!.text, conversationId: group[11]!.text },
      tags: texts(group).slice(0, 4),
      metadata: Object.fromEntries(group.map((p) => [p.text, p.text])),
    };
  });
  const json = JSON.stringify({ format: 'custody.transcripts', version: 1, transcripts });
  return { name: nameOf(groups[0]!, '.custody.json'), mimeType: 'application/json', buffer: Buffer.from(json) };
}

export const RUBRIC_ID = 'xss-rubric';

export function rubricFile(): MemoryFile {
  const criteria = payloads.map((p, i) => ({
    id: `c${p.id}`,
    text: p.text,
    points: i % 5 === 4 ? -2 : 3,
    tags: [`axis:${p.text}`, p.text],
    rationaleRequired: i % 3 === 0,
    ...(i % 4 === 1
      ? { scale: { kind: 'ordinal', levels: [1, 2, 3].map((value) => ({ value, anchor: payloads[(i + value) % payloads.length]!.text })) } }
      : i % 4 === 2
        ? { scale: { kind: 'categorical', options: [0, 1].map((o) => ({ id: `o${o}`, label: payloads[(i + o + 1) % payloads.length]!.text, credit: o })) } }
        : {}),
  }));
  const rubric = { id: RUBRIC_ID, version: 1, title: `XSS rubric ${texts(groups[1]!).slice(0, 6).join(' ')}`, description: texts(payloads).join('\n\n'), criteria };
  return {
    name: nameOf(groups[1]!, '.custody.json'),
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'custody.rubric', version: 1, rubric })),
  };
}

/** OpenAI chat JSONL: one good conversation, then every payload as a broken line. */
export function brokenChatsFile(): MemoryFile {
  const good = JSON.stringify({ messages: [{ role: 'user', content: payloads[0]!.text }, { role: 'assistant', content: payloads[1]!.text }] });
  const lines = [good, ...texts(groups[2]!).map((t) => t.replace(/\n/g, ' '))];
  return { name: nameOf(groups[2]!, '.jsonl'), mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

/** An Okta System Log JSONL: one event per payload, fields rotated so each payload is in each field. */
export function oktaLogFile(): MemoryFile {
  const n = payloads.length;
  const at = (i: number, k: number) => payloads[(i + k) % n]!.text;
  const events = payloads.map((_, i) => ({
    uuid: `xss-evt-${i + 1}-${at(i, 0)}`,
    published: new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + i * 7_000).toISOString(),
    eventType: `app.xss.${at(i, 5)}`,
    version: '0',
    severity: 'WARN',
    displayMessage: at(i, 10),
    actor: { id: `xss-actor-${i % 7}`, type: i % 2 ? 'User' : 'PublicClientApp', alternateId: at(i, 1), displayName: at(i, 2) },
    client: { userAgent: { rawUserAgent: at(i, 3), os: at(i, 12), browser: 'CHROME' }, ipAddress: '203.0.113.9', zone: at(i, 13) },
    authenticationContext: { externalSessionId: at(i, 14), credentialType: 'PASSWORD' },
    outcome: { result: i % 3 === 0 ? 'DENY' : 'SUCCESS', reason: at(i, 4) },
    target: [
      { id: at(i, 6), type: 'AppInstance', alternateId: at(i, 15), displayName: at(i, 7) },
      { id: `xss-user-${i % 5}`, type: 'User', alternateId: at(i, 16), displayName: at(i, 17) },
    ],
    transaction: { type: 'WEB', id: at(i, 11) },
    debugContext: { debugData: { traceId: at(i, 8), requestId: at(i, 9), tenant: at(i, 18), grantedScopes: at(i, 19) } },
  }));
  const lines = events.map((e) => JSON.stringify(e));
  lines.splice(3, 0, `${payloads[0]!.text} {"eventType": ${payloads[3]!.text}`); // line 4: not JSON, hostile
  return { name: nameOf(groups[3]!, '.jsonl'), mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

export const LOG_EVENTS = payloads.length;
