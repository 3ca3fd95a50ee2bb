// Facts about a transcript shown in lists (queue rows, library): derived from what the
// reader gave, so the queue never needs a transcript body to show them.
import type { Transcript } from './transcript.ts';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Who the agent is, from what the reader gave: the agent's name or id, the model
 * (SWE-agent and Inspect put it in metadata.model), or for HealthBench which completion
 * is graded. Never "unknown agent" when the file names one; when it names none, says so
 * with the format, so rows from different files stay apart.
 */
export function agentLabel(t: Transcript): string {
  const base = text(t.agent.name) ?? text(t.agent.id);
  const version = text(t.agent.version);
  const name = base && version ? `${base} ${version}` : base;
  const model = text(t.metadata['model']);
  if (name && model && !name.includes(model)) return `${name} (${model})`;
  if (name) return name;
  if (model) return model;
  if (t.metadata['completion'] === 'ideal') return 'ideal completion (HealthBench)';
  return `agent not named (${t.sourceFormat})`;
}

/**
 * True when there is no response to grade: no assistant message at all (a HealthBench
 * row with a prompt only, a conversation that stops at the user's turn).
 */
export function lacksResponse(t: Transcript): boolean {
  if (t.metadata['completion'] === 'none') return true;
  return !t.messages.some((m) => m.role === 'assistant');
}
