// Every reader the detector consults. Adding a format means adding its reader here;
// detect.ts and read.ts stay as they are. Order breaks ties.
import type { FormatReader } from './types.ts';
import { custodyTranscriptsReader } from './transcripts/custody.ts';
import { custodyRubricReader } from './rubrics/custody.ts';
import { inspectEvalReader } from './transcripts/inspect-eval.ts';
import { inspectJsonReader } from './transcripts/inspect-json.ts';
import { healthBenchReader } from './rubrics/healthbench.ts';
import { tauBenchReader } from './transcripts/tau-bench.ts';
import { sweAgentReader } from './transcripts/swe-agent.ts';
import { openaiChatReader } from './transcripts/openai-chat.ts';
import { accessLogReaders } from './access-logs/index.ts';

export const readers: readonly FormatReader[] = [
  custodyTranscriptsReader,
  custodyRubricReader,
  inspectEvalReader,
  inspectJsonReader,
  healthBenchReader,
  tauBenchReader,
  sweAgentReader,
  openaiChatReader,
  ...accessLogReaders,
];

/** A reader by format id: how a user overrides detection ("read this as Okta"). */
export function readerById(format: string): FormatReader | undefined {
  return readers.find((r) => r.format === format);
}
