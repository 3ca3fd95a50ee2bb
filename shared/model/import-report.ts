// What every reader returns alongside its records: problems are data, not exceptions.
export interface ReadProblem {
  /** 1-based line for line-oriented files. */
  line?: number;
  /** Sample / record name or index for container files. */
  sample?: string;
  message: string;
}

export type DataKind = 'transcripts' | 'rubric' | 'access-log' | 'bundle' | 'unknown';
