// The access-log readers, vendor readers before the generic ones (order breaks ties),
// and the entry points other layers use.
import type { AccessLogReader } from './reader.ts';
import { oktaReader } from './okta.ts';
import { descopeReader } from './descope.ts';
import { auth0Reader } from './auth0.ts';
import { cloudTrailReader } from './cloudtrail.ts';
import { cloudTrailCsvReader } from './cloudtrail-csv.ts';
import { ocsfReader } from './ocsf.ts';
import { otelReader } from './otel.ts';
import { genericCsvReader, genericJsonlReader, genericJsonReader } from './generic.ts';

export const accessLogReaders: readonly AccessLogReader[] = [
  oktaReader,
  descopeReader,
  auth0Reader,
  cloudTrailReader,
  cloudTrailCsvReader,
  ocsfReader,
  otelReader,
  genericJsonlReader,
  genericJsonReader,
  genericCsvReader,
];

export type { AccessLogReader, RecordContext, NormalizeResult } from './reader.ts';
export { isAccessLogReader } from './reader.ts';
export { createAccessLogStream, readWith, ProblemList, type AccessLogRead, type AccessLogStream, type AccessLogStreamStats } from './pipeline.ts';
export { FieldMapping, parseFieldMapping, compileMapping, applyMapping, MAPPED_FIELDS } from './mapping.ts';
export { mappingReader, DEFAULT_MAPPING } from './generic.ts';
export { digestEvents, rawDigest, batchDigest } from './digest.ts';
export { toMicros, microsToIso, type TimeFormat } from './time.ts';
