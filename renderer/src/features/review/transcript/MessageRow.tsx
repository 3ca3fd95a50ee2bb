// One transcript message. Each selectable piece carries data-path (see evidence.ts);
// the row carries data-msg. Memoized: virtualization re-renders the list on scroll.
import { memo } from 'react';
import type { ContentPart, Message, ToolCall, ToolResult } from '../../../../../shared/model/transcript.ts';
import { contentPath, toolArgsPath, toolArgsRawPath, toolNamePath, toolResultPath } from '../paths.ts';
import { FoldableText } from './FoldableText.tsx';
import { JsonTree } from './JsonTree.tsx';
import { Markdown } from './Markdown.tsx';

const roleLabel: Record<Message['role'], string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

// Markdown folds later than plain output: prose is rarely that long, tool dumps often are.
const markdownFoldChars = 12_000;

/** Whether a text part is shown as markdown (else as plain, foldable text). */
export function isMarkdown(message: Message, part: ContentPart): boolean {
  return part.type === 'text' && message.role !== 'tool' && part.text.length <= markdownFoldChars;
}

function Part({ part, index, message }: { part: ContentPart; index: number; message: Message }) {
  const path = contentPath(index);
  if (part.type === 'reasoning') {
    return (
      <div className="rv-reasoning">
        <div className="rv-part-label">Reasoning</div>
        <FoldableText className="rv-plain" text={part.text} messageId={message.id} path={path} />
      </div>
    );
  }
  if (part.type === 'media') {
    return (
      <div className="rv-media">
        <span className="rv-part-label">{part.mime ?? 'media'}, not shown</span>
        <span data-path={path}>{part.description}</span>
      </div>
    );
  }
  if (!isMarkdown(message, part)) {
    return <FoldableText className="rv-plain" text={part.text} messageId={message.id} path={path} />;
  }
  return (
    <div className="rv-md" data-path={path}>
      <Markdown source={part.text} />
    </div>
  );
}

function Call({ call, index, messageId }: { call: ToolCall; index: number; messageId: string }) {
  return (
    <div className="rv-call">
      <div className="rv-call-head">
        <span className="rv-part-label">Tool call</span>
        <span className="rv-call-name" data-path={toolNamePath(index)}>
          {call.name}
        </span>
        {call.server ? <span className="rv-call-server">on {call.server}</span> : null}
        <span className="rv-call-id">{call.id}</span>
      </div>
      {call.argumentsRaw !== undefined ? (
        <>
          <div className="rv-part-note">Arguments were not valid JSON; shown verbatim.</div>
          <FoldableText className="rv-plain" text={call.argumentsRaw} messageId={messageId} path={toolArgsRawPath(index)} />
        </>
      ) : (
        <JsonTree value={call.arguments} path={toolArgsPath(index)} messageId={messageId} />
      )}
    </div>
  );
}

function Result({ result, messageId }: { result: ToolResult; messageId: string }) {
  const { content } = result;
  return (
    <div className="rv-result" data-error={result.isError ? '' : undefined}>
      <div className="rv-call-head">
        <span className="rv-part-label">{result.isError ? 'Tool error' : 'Tool result'}</span>
        {result.name ? <span className="rv-call-name">{result.name}</span> : null}
        {result.toolCallId ? <span className="rv-call-id">{result.toolCallId}</span> : null}
      </div>
      {typeof content === 'string' ? (
        <FoldableText className="rv-plain" text={content} messageId={messageId} path={toolResultPath} />
      ) : content === undefined || content === null ? (
        <div className="rv-part-note">(no output)</div>
      ) : (
        <JsonTree value={content} path={toolResultPath} messageId={messageId} />
      )}
    </div>
  );
}

// One formatter for every row: toLocaleTimeString builds a new Intl formatter per
// call, which costs more than the rest of a small row's render.
let timeFormat: Intl.DateTimeFormat | undefined;

function time(ts: string | undefined): string | null {
  if (!ts) return null;
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return timeFormat.format(d);
}

interface Props {
  message: Message;
  index: number;
  current: boolean;
  selecting: boolean;
}

export const MessageRow = memo(function MessageRow({ message, index, current, selecting }: Props) {
  const when = time(message.timestamp);
  return (
    <article
      className="rv-msg"
      data-role={message.role}
      data-msg={message.id}
      data-current={current ? '' : undefined}
      data-selecting={selecting ? '' : undefined}
      tabIndex={-1}
      aria-label={`${roleLabel[message.role]} message ${index + 1}`}
    >
      <header className="rv-msg-head">
        <span className="rv-role">{roleLabel[message.role]}</span>
        {message.name ? <span className="rv-msg-name">{message.name}</span> : null}
        <span className="rv-msg-meta">
          #{index + 1}
          {when ? ` · ${when}` : ''}
        </span>
      </header>
      {message.content.map((part, i) => (
        <Part key={i} part={part} index={i} message={message} />
      ))}
      {message.toolCalls.map((call, i) => (
        <Call key={i} call={call} index={i} messageId={message.id} />
      ))}
      {message.toolResult ? <Result result={message.toolResult} messageId={message.id} /> : null}
    </article>
  );
});
