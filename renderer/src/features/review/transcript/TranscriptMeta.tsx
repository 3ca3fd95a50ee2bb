// One quiet line of context above the transcript: who, for whom, when, how long.
import { memo } from 'react';
import type { Transcript } from '../../../../../shared/model/transcript.ts';

function when(ts: string | undefined): string | null {
  if (!ts) return null;
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? ts : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// Memoized: the list above it re-renders on every scroll frame, and this line sums
// every message's tool calls and formats a date (Intl) each time it renders.
export const TranscriptMeta = memo(function TranscriptMeta({ transcript: t }: { transcript: Transcript }) {
  const agent = [t.agent.name ?? t.agent.id, t.agent.version].filter(Boolean).join(' ');
  const calls = t.messages.reduce((n, m) => n + m.toolCalls.length, 0);
  const bits = [
    agent ? `Agent ${agent}` : null,
    t.principalUser ? `for ${t.principalUser}` : null,
    when(t.startedAt),
    `${t.messages.length.toLocaleString()} messages`,
    calls ? `${calls.toLocaleString()} tool calls` : null,
  ].filter(Boolean);
  const trace = t.correlation.traceId;
  return (
    <div className="rv-meta">
      <span>{bits.join(' · ')}</span>
      {trace ? (
        <span className="rv-trace" title={`trace ${trace}`}>
          trace {trace.length > 12 ? `${trace.slice(0, 12)}…` : trace}
        </span>
      ) : null}
      {t.tags.map((tag) => (
        <span key={tag} className="rv-tag">
          {tag}
        </span>
      ))}
    </div>
  );
});
