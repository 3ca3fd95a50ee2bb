// Assembling normalized transcripts: stable ids, defaults, titles.
import type { Message, Transcript } from '../../model/transcript.ts';
import { chatMessage, type MessageDraft, type Report } from './chat-message.ts';
import { excerpt } from '../util/text.ts';

/**
 * Message ids: the source id when present and not already used, else `m<index>` from
 * the message's position in the source, so ids survive re-imports of the same file.
 */
export function assignMessageIds(drafts: MessageDraft[]): Message[] {
  const used = new Set<string>();
  return drafts.map(({ index, sourceId, message }) => {
    let id = sourceId && !used.has(sourceId) ? sourceId : `m${index}`;
    for (let n = 2; used.has(id); n++) id = `m${index}.${n}`;
    used.add(id);
    return { id, ...message };
  });
}

/** Maps a list of OpenAI-style messages; a non-list is reported and yields none. */
export function chatMessages(raw: unknown, report: Report): Message[] {
  if (!Array.isArray(raw)) {
    report('messages is not a list');
    return [];
  }
  const drafts = raw.flatMap((m: unknown, i) => {
    // A message skipped as damaged JSON (a hole, or undefined once validated) was reported already.
    if (m === undefined) return [];
    const draft = chatMessage(m, i, report);
    return draft ? [draft] : [];
  });
  return assignMessageIds(drafts);
}

type TranscriptInput = Pick<Transcript, 'id' | 'sourceFormat' | 'messages'> & Partial<Transcript>;

export function makeTranscript(input: TranscriptInput): Transcript {
  return { agent: {}, correlation: {}, tags: [], metadata: {}, ...input };
}

/** The first user text, as a one-line title. */
export function titleFromMessages(messages: Message[]): string | undefined {
  for (const m of messages) {
    if (m.role !== 'user') continue;
    const text = m.content.find((p) => p.type === 'text');
    if (text?.type === 'text' && text.text.trim() !== '') return excerpt(text.text);
  }
  return undefined;
}

/** A file may hold the same conversation twice; later copies get "#2", "#3" so ids stay unique. */
export function dedupeTranscriptIds(transcripts: Transcript[]): Transcript[] {
  const used = new Set<string>();
  return transcripts.map((t) => {
    let id = t.id;
    for (let n = 2; used.has(id); n++) id = `${t.id}#${n}`;
    used.add(id);
    return id === t.id ? t : { ...t, id };
  });
}
