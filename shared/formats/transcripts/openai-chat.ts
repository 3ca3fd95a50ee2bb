// OpenAI chat messages: one conversation as a JSON array of messages, a JSON array of
// conversations, a {"messages": [...]} object, or JSON Lines of conversations.
import type { Transcript } from '../../model/transcript.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import { notJsonReason, sniffedJson, type Sniff } from '../sniff.ts';
import { chatRole, type Report } from './chat-message.ts';
import { chatMessages, dedupeTranscriptIds, makeTranscript, titleFromMessages } from './build.ts';
import { decodeText, idOf, isRecord, parseJsonDocument } from '../util/text.ts';
import { arrayPosition, emptyResult, reporterFor, shapeOf } from '../util/result.ts';
import { contentHash } from '../util/hash.ts';

const FORMAT = 'openai-chat';

function isMessage(value: unknown): boolean {
  return isRecord(value) && chatRole(value.role) !== undefined;
}

function isConversation(value: unknown): boolean {
  if (Array.isArray(value)) return isMessage(value[0]);
  return isRecord(value) && Array.isArray(value.messages) && isMessage(value.messages[0]);
}

/**
 * An array of conversations rather than of messages: its first item that is either says
 * which (a damaged first item must not turn every conversation into one bad message list).
 */
function holdsConversations(items: unknown[]): boolean {
  // A hole (a damaged element skipped by util/text.ts parseJsonFile) is neither, so it is passed over.
  const isConversationLike = (item: unknown): boolean => Array.isArray(item) || (isRecord(item) && 'messages' in item);
  const first = items.find((item) => isMessage(item) || isConversationLike(item)) ?? items[0];
  return isConversationLike(first) && !isMessage(first);
}

function sniff(s: Sniff): SniffVerdict {
  if (s.shape === 'jsonl') {
    return isConversation(s.values[0]?.value)
      ? { confidence: 0.9, reason: 'JSON Lines of conversations' }
      : { confidence: 0, reason: 'JSON Lines whose first row is neither {"messages": [...]} nor a list of messages' };
  }
  const json = sniffedJson(s);
  if (!json) return { confidence: 0, reason: notJsonReason(s) };
  const v = json.value;
  if (Array.isArray(v)) {
    if (isMessage(v[0])) return { confidence: 0.85, reason: 'JSON array of chat messages (one conversation)' };
    if (isConversation(v[0])) return { confidence: 0.85, reason: 'JSON array of conversations' };
    return { confidence: 0, reason: 'a JSON array whose first item is neither a chat message (with "role") nor a conversation' };
  }
  if (isConversation(v)) return { confidence: 0.8, reason: 'a {"messages": [...]} conversation' };
  return { confidence: 0, reason: `${shapeOf(v)} without a "messages" list of chat messages` };
}

function conversation(value: unknown, report: Report): Transcript | undefined {
  const source = Array.isArray(value) ? { messages: value } : isRecord(value) && Array.isArray(value.messages) ? value : undefined;
  if (!source) {
    report(`expected a list of messages or {"messages": [...]}, found ${shapeOf(value)}`);
    return undefined;
  }
  const messages = chatMessages(source.messages, report);
  if (messages.length === 0) {
    report('conversation has no readable messages; skipped');
    return undefined;
  }
  // A source id when the file has one; otherwise the content decides, so re-imports match.
  const id = `${FORMAT}:${idOf(source.id) ?? contentHash(source.messages)}`;
  const metadata = isRecord(source.metadata) ? source.metadata : {};
  return makeTranscript({ id, sourceFormat: FORMAT, title: titleFromMessages(messages), messages, metadata });
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonDocument(decodeText(file.bytes));
  const errors = doc.shape === 'lines' ? [...doc.errors] : doc.shape === 'json' ? [...doc.problems] : [];
  const found: (Transcript | undefined)[] = [];
  switch (doc.shape) {
    case 'empty':
      return emptyResult(FORMAT, [{ message: 'file is empty' }]);
    case 'invalid':
      return emptyResult(FORMAT, [doc.problem]);
    case 'lines':
      for (const row of doc.rows) found.push(conversation(row.value, reporterFor(errors, { line: row.line })));
      errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      break;
    case 'json': {
      const v = doc.value;
      if (Array.isArray(v) && v.length === 0) errors.push({ message: 'empty array: no conversations' });
      else if (Array.isArray(v) && holdsConversations(v)) {
        v.forEach((item, i) => found.push(conversation(item, reporterFor(errors, { sample: arrayPosition(i) }))));
      } else found.push(conversation(v, reporterFor(errors)));
    }
  }
  const transcripts = found.filter((t): t is Transcript => t !== undefined);
  return { format: FORMAT, transcripts: dedupeTranscriptIds(transcripts), rubrics: [], errors };
}

export const openaiChatReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
