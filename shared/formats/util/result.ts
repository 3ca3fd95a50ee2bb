// Small helpers every reader uses to build its ReadResult.
import type { z } from 'zod';
import type { ReadProblem } from '../../model/import-report.ts';
import type { ReadResult } from '../types.ts';
import type { Report } from '../transcripts/chat-message.ts';

export function emptyResult(format: string, errors: ReadProblem[] = []): ReadResult {
  return { format, transcripts: [], rubrics: [], errors };
}

/** A Report that files problems under one line or sample of the file. */
export function reporterFor(errors: ReadProblem[], where: Omit<ReadProblem, 'message'> = {}): Report {
  return (message) => errors.push({ ...where, message });
}

/** Where a record sits in a JSON array, as ReadProblem.sample. */
export function arrayPosition(index: number): string {
  return `#${index + 1}`;
}

/** Zod issues on one line: "path: message; …" (the first few are enough to fix a file). */
export function zodMessage(error: z.ZodError): string {
  const shown = error.issues.slice(0, 4).map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** "a JSON object", "a JSON array" …, for "expected … found …" messages. */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'JSON null';
  if (value === undefined) return 'nothing';
  return `a JSON ${typeof value === 'object' ? 'object' : typeof value}`;
}

/** Drops undefined entries so metadata stays tidy in JSON and in canonical hashes. */
export function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
