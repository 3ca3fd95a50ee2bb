// What the two native readers (custody.transcripts, custody.rubric) share: the "format" tag.
import type { z } from 'zod';
import type { SniffVerdict } from '../types.ts';
import { notJsonReason, sniffedJson, type Sniff } from '../sniff.ts';
import { isRecord } from './text.ts';
import { zodMessage } from './result.ts';

export function sniffNative(s: Sniff, tag: string): SniffVerdict {
  const json = sniffedJson(s);
  if (!json) return { confidence: 0, reason: notJsonReason(s) };
  if (isRecord(json.value) && json.value.format === tag) return { confidence: 1, reason: `"format": "${tag}"` };
  return { confidence: 0, reason: `no "format": "${tag}" field` };
}

/** Why a file failed its envelope schema; a newer version is named as such, not as a schema error. */
export function envelopeProblem(value: unknown, tag: string, error: z.ZodError): string {
  const version = isRecord(value) && value.format === tag ? value.version : undefined;
  if (version !== undefined && version !== 1) return `unsupported ${tag} version ${JSON.stringify(version)} (this build reads version 1)`;
  return `not a ${tag} file: ${zodMessage(error)}`;
}
