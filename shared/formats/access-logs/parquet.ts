// Normalized access events as Parquet, one row per event: nested fields flattened into
// snake_case columns, lists as Parquet LISTs, time as UTC microseconds, the raw record and
// its digest kept. EVENT_COLUMNS is the schema (documented in shared/formats/README.md);
// EventParquetWriter writes a row group at a time, so exporting a multi-GB log holds one
// row group, never the log. Pure JS over a ByteSink: runs in the CLI and in a worker alike.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { AccessEvent } from '../../model/access-event.ts';
import { sha256DigestSync } from '../../crypto/index.ts';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** What each kind of column holds in JS (undefined and null are both a Parquet null). */
interface CellOf {
  string: string | undefined;
  int64: bigint;
  /** µs since the epoch, UTC. */
  timestamp: number | null | undefined;
  boolean: boolean | undefined;
  strings: readonly string[] | undefined;
  delegation: readonly { actor: string; client_id: string | undefined; via: string | undefined }[];
}
export type ColumnKind = keyof CellOf;

export interface EventColumn<K extends ColumnKind = ColumnKind> {
  name: string;
  kind: K;
  /** Never null: the model always has a value. */
  required: boolean;
  value(event: AccessEvent): CellOf[K];
}

const col =
  <K extends ColumnKind>(kind: K) =>
  (name: string, value: (event: AccessEvent) => CellOf[K], required = false): EventColumn<K> => ({ name, kind, required, value });
const text = col('string');
const int64 = col('int64');
const timestamp = col('timestamp');
const flag = col('boolean');
const texts = col('strings');

/** The columns, in file order. Names are the model's paths in snake_case; correlation ids keep their own names. */
export const EVENT_COLUMNS: readonly EventColumn[] = [
  text('id', (e) => e.id, true),
  text('native_id', (e) => e.nativeId),
  text('source_id', (e) => e.source.id, true),
  text('source_format', (e) => e.source.format, true),
  int64('source_line', (e) => BigInt(e.source.line), true),
  int64('source_record', (e) => BigInt(e.source.record), true),
  timestamp('time', (e) => e.time),
  text('action_native', (e) => e.actionNative, true),
  text('action_class', (e) => e.actionClass, true),
  text('outcome', (e) => e.outcome, true),
  text('decision', (e) => e.decision ?? undefined),
  text('reason', (e) => e.reason),
  text('actor_id', (e) => e.actor.id),
  text('actor_type', (e) => e.actor.type, true),
  text('actor_name', (e) => e.actor.name),
  text('actor_client_id', (e) => e.actor.clientId),
  text('subject_user', (e) => e.subjectUser),
  col('delegation')('delegation', (e) => e.delegation.map((h) => ({ actor: h.actor, client_id: h.clientId, via: h.via })), true),
  // The acting hop (delegation[0]) again as plain columns, for tools that do not unnest.
  text('delegation_actor', (e) => e.delegation[0]?.actor),
  text('delegation_client_id', (e) => e.delegation[0]?.clientId),
  text('delegation_via', (e) => e.delegation[0]?.via),
  text('credential_type', (e) => e.credential?.type),
  text('credential_id', (e) => e.credential?.id),
  text('credential_jti', (e) => e.credential?.jti),
  timestamp('credential_issued', (e) => e.credential?.issued),
  timestamp('credential_expires', (e) => e.credential?.expires),
  texts('credential_audience', (e) => e.credential?.audience),
  flag('mfa_performed', (e) => e.mfa?.performed),
  text('mfa_method', (e) => e.mfa?.method),
  flag('step_up', (e) => e.stepUp, true),
  texts('scopes_granted', (e) => e.scopesGranted, true),
  texts('scopes_requested', (e) => e.scopesRequested, true),
  text('tenant', (e) => e.tenant),
  text('target_service', (e) => e.target.service),
  text('target_operation', (e) => e.target.operation),
  texts('target_resource_ids', (e) => e.target.resourceIds, true),
  text('mcp_server', (e) => e.mcp?.server),
  text('mcp_method', (e) => e.mcp?.method),
  text('mcp_tool', (e) => e.mcp?.tool),
  text('mcp_session', (e) => e.mcp?.session),
  text('mcp_jsonrpc_id', (e) => e.mcp?.jsonrpcId),
  text('src_ip', (e) => e.src.ip),
  text('src_user_agent', (e) => e.src.userAgent),
  text('trace_id', (e) => e.correlation.traceId),
  text('span_id', (e) => e.correlation.spanId),
  text('parent_span_id', (e) => e.correlation.parentSpanId),
  text('request_id', (e) => e.correlation.requestId),
  text('transaction_id', (e) => e.correlation.transactionId),
  text('conversation_id', (e) => e.correlation.conversationId),
  text('tool_call_id', (e) => e.correlation.toolCallId),
  text('session_id', (e) => e.correlation.sessionId),
  texts('unmapped', (e) => e.unmapped),
  text('raw', (e) => e.raw, true),
  // The store fills rawDigest in batches; the writer digests an event that has none yet.
  text('raw_digest', (e) => e.rawDigest, true),
];

/** Written into the file's key-value metadata: which column set this is. */
export const EVENT_PARQUET_SCHEMA = { key: 'custody.schema', value: 'access-events/1' } as const;

/** A column's Parquet type as the README's schema table writes it. */
export function parquetTypeLabel(kind: ColumnKind): string {
  switch (kind) {
    case 'string': return 'STRING';
    case 'int64': return 'INT64';
    case 'timestamp': return 'TIMESTAMP(MICROS, UTC)';
    case 'boolean': return 'BOOLEAN';
    case 'strings': return 'LIST<STRING>';
    case 'delegation': return 'LIST<STRUCT<actor STRING, client_id STRING, via STRING>>';
  }
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;

/** The standard three-level LIST of parquet-format (the form every reader accepts) of `element`. */
function list(name: string, repetition: 'REQUIRED' | 'OPTIONAL', element: SchemaElement[]): SchemaElement[] {
  return [
    { name, repetition_type: repetition, converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    ...element,
  ];
}

function schemaOf(column: EventColumn): SchemaElement[] {
  const { name } = column;
  const repetition = column.required ? 'REQUIRED' : 'OPTIONAL';
  switch (column.kind) {
    case 'string': return [{ name, repetition_type: repetition, ...STRING }];
    case 'int64': return [{ name, repetition_type: repetition, type: 'INT64' }];
    case 'timestamp':
      // The converted type too, for readers older than logical types.
      return [{ name, repetition_type: repetition, type: 'INT64', converted_type: 'TIMESTAMP_MICROS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } }];
    case 'boolean': return [{ name, repetition_type: repetition, type: 'BOOLEAN' }];
    case 'strings': return list(name, repetition, [{ name: 'element', repetition_type: 'REQUIRED', ...STRING }]);
    case 'delegation':
      return list(name, repetition, [
        { name: 'element', repetition_type: 'REQUIRED', num_children: 3 },
        { name: 'actor', repetition_type: 'REQUIRED', ...STRING },
        { name: 'client_id', repetition_type: 'OPTIONAL', ...STRING },
        { name: 'via', repetition_type: 'OPTIONAL', ...STRING },
      ]);
  }
}

export function eventParquetSchema(): SchemaElement[] {
  return [{ name: 'root', num_children: EVENT_COLUMNS.length }, ...EVENT_COLUMNS.flatMap(schemaOf)];
}

/**
 * Where the file's bytes go, in order, in pieces of about 1 MB that are the sink's to keep.
 * A write that returns a promise is awaited before the next write, so a sink needs no
 * queue of its own; a rejection stops the writing and fails `finish()`.
 */
export interface ByteSink {
  write(bytes: Uint8Array): void | Promise<void>;
}

const PIECE_BYTES = 1 << 20;
const utf8 = new TextEncoder();

/** hyparquet-writer's ByteWriter handing its bytes to a sink in ~1 MB pieces, instead of growing to the file's size. */
class SinkWriter extends ByteWriter {
  private pieces: Uint8Array[] = [];
  /** The sink's unsettled writes, when it is async; later pieces wait for them. */
  private queue: Promise<void> | undefined;

  constructor(private readonly sink: ByteSink) {
    super(PIECE_BYTES);
  }

  override ensure(size: number): void {
    if (this.index >= PIECE_BYTES) this.cut();
    super.ensure(size);
  }

  /** Called by ParquetWriter after each row group and by finish; a promise only when the sink is still writing. */
  flush(): Promise<void> | undefined {
    this.cut();
    const pieces = this.pieces;
    this.pieces = [];
    const next = this.queue ? this.queue.then(() => this.writeFrom(pieces, 0)) : this.writeFrom(pieces, 0);
    if (!next) return undefined;
    const queued: Promise<void> = next.then(() => {
      if (this.queue === queued) this.queue = undefined;
    });
    this.queue = queued;
    return queued;
  }

  /** Writes pieces[i…] one after another, synchronously for as long as the sink is synchronous. */
  private writeFrom(pieces: Uint8Array[], i: number): Promise<void> | undefined {
    for (; i < pieces.length; i++) {
      const written = this.sink.write(pieces[i]!);
      if (written) return written.then(() => this.writeFrom(pieces, i + 1));
    }
    return undefined;
  }

  override finish(): Promise<void> | undefined {
    return this.flush();
  }

  private cut(): void {
    if (this.index === 0) return;
    this.pieces.push(new Uint8Array(this.buffer, 0, this.index));
    this.buffer = new ArrayBuffer(PIECE_BYTES);
    this.view = new DataView(this.buffer);
    this.index = 0;
  }
}

export interface EventParquetOptions {
  /** Rows per row group (default 50,000). */
  rowGroupRows?: number;
  /** A row group is also cut once its raw records reach this many characters (default 64 Mi), so large records keep memory bounded too. */
  rowGroupRawChars?: number;
}

/**
 * Writes events to a sink as one Parquet file. `add` buffers an event's cells; when a row
 * group's worth is buffered it encodes the group (snappy, hyparquet-writer's default) and
 * hands the bytes to the sink. `finish` writes the last group and the footer.
 */
export class EventParquetWriter {
  private readonly out: SinkWriter;
  private readonly parquet: ParquetWriter;
  private readonly rowGroupRows: number;
  private readonly rowGroupRawChars: number;
  private cells: unknown[][] = EVENT_COLUMNS.map(() => []);
  private rows = 0;
  private rawChars = 0;
  private written: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private finished = false;

  /** Opens a writer (async: it prepares the SHA-256 that fills missing raw digests). */
  static async create(sink: ByteSink, options: EventParquetOptions = {}): Promise<EventParquetWriter> {
    return new EventParquetWriter(sink, options, await sha256DigestSync());
  }

  private constructor(
    sink: ByteSink,
    options: EventParquetOptions,
    private readonly digest: (bytes: Uint8Array) => string,
  ) {
    this.rowGroupRows = options.rowGroupRows ?? 50_000;
    this.rowGroupRawChars = options.rowGroupRawChars ?? 64 * 1024 * 1024;
    this.out = new SinkWriter(sink);
    this.parquet = new ParquetWriter({ writer: this.out, schema: eventParquetSchema(), kvMetadata: [EVENT_PARQUET_SCHEMA] });
  }

  /**
   * Adds one event. Returns a promise when this event completed a row group, settled once
   * the sink has taken its bytes: await it before adding more to keep memory bounded when
   * the sink is slower than the reader. Not awaiting is safe, only less frugal.
   */
  add(event: AccessEvent): Promise<void> | undefined {
    if (this.finished) throw new Error('EventParquetWriter: add after finish');
    if (event.rawDigest === undefined) event = { ...event, rawDigest: this.digest(utf8.encode(event.raw)) };
    for (let i = 0; i < EVENT_COLUMNS.length; i++) this.cells[i]!.push(EVENT_COLUMNS[i]!.value(event));
    this.rows++;
    this.rawChars += event.raw.length;
    return this.rows >= this.rowGroupRows || this.rawChars >= this.rowGroupRawChars ? this.writeRowGroup() : undefined;
  }

  /** Writes what is buffered and the footer; resolves when the sink has every byte. */
  async finish(): Promise<void> {
    if (this.finished) throw new Error('EventParquetWriter: finish twice');
    if (this.rows > 0) this.writeRowGroup();
    this.finished = true;
    this.track(this.parquet.finish());
    await this.written;
    if (this.failure) throw this.failure.error;
  }

  private writeRowGroup(): Promise<void> | undefined {
    const columnData = EVENT_COLUMNS.map((column, i) => ({ name: column.name, data: this.cells[i]! }));
    const rows = this.rows;
    this.cells = EVENT_COLUMNS.map(() => []);
    this.rows = 0;
    this.rawChars = 0;
    return this.track(this.parquet.write({ columnData, rowGroupSize: rows }));
  }

  /** Remembers a sink write so finish waits for it and reports its failure, awaited or not. */
  private track(write: void | Promise<void>): Promise<void> | undefined {
    if (!write) return undefined;
    const settled = write.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.written = this.written.then(() => settled);
    return write;
  }
}
