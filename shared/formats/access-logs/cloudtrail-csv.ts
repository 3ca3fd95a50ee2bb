// CloudTrail as CSV (the console's event-history download, or exports like the OTRF
// honey-bucket data): columns are matched to CloudTrail fields by name, ignoring case,
// spaces and punctuation; cells holding JSON or Python dicts (User ID, Request
// Parameters) are read as objects; then the row is normalized like a JSON record.
import { obj, type Obj } from './fields.ts';
import { columnKey, csvColumns, csvFraming, defineAccessLogReader } from './kit.ts';
import { CLOUDTRAIL_MAPPED, normalizeCloudTrailObject } from './cloudtrail.ts';
import { structuredCell } from './python-literal.ts';

/** Column (reduced by columnKey) → CloudTrail field; dotted targets nest. */
const COLUMNS: Record<string, string> = {
  eventtype: 'eventType',
  eventname: 'eventName',
  requestid: 'requestID',
  eventid: 'eventID',
  eventtime: 'eventTime',
  eventdatetime: 'eventTime',
  eventsource: 'eventSource',
  sourceip: 'sourceIPAddress',
  sourceipaddress: 'sourceIPAddress',
  useragent: 'userAgent',
  requestuseragent: 'userAgent',
  errorcode: 'errorCode',
  errormessage: 'errorMessage',
  awsregion: 'awsRegion',
  requestparameters: 'requestParameters',
  responseelements: 'responseElements',
  resources: 'resources',
  userid: 'userIdentity',
  useridentity: 'userIdentity',
  username: 'userIdentity.userName',
  awsaccesskey: 'userIdentity.accessKeyId',
  accesskeyid: 'userIdentity.accessKeyId',
  recipientaccountid: 'recipientAccountId',
  accountid: 'recipientAccountId',
};

/** A CSV row rebuilt as a CloudTrail record. */
export function cloudTrailFromRow(row: Record<string, string>): Obj {
  const out: Obj = {};
  for (const [column, cell] of Object.entries(row)) {
    const field = COLUMNS[columnKey(column)];
    if (field === undefined || cell === '') continue;
    const value = structuredCell(cell) ?? cell;
    const [head, sub] = field.split('.') as [string, string | undefined];
    if (sub === undefined) {
      out[head] = head === 'userIdentity' && typeof value === 'string' ? { ...obj(out[head]), userName: value } : value;
    } else {
      out[head] = { ...obj(out[head]), [sub]: value };
    }
  }
  return out;
}

export const cloudTrailCsvReader = defineAccessLogReader({
  format: 'aws-cloudtrail-csv',
  framing: csvFraming,
  sniff: (s) => {
    const columns = csvColumns(s);
    if (!columns) return { confidence: 0, reason: 'not a CSV header' };
    const keys = new Set(columns.map(columnKey));
    if (!keys.has('eventname')) return { confidence: 0, reason: 'CSV without an "Event name" column' };
    const more = ['eventsource', 'eventtype', 'eventid', 'requestid', 'useridentity', 'userid', 'awsaccesskey'].filter((k) => keys.has(k));
    return more.length > 0
      ? { confidence: 0.9, reason: `CSV with CloudTrail columns (Event name, ${more.length} more)` }
      : { confidence: 0, reason: 'CSV has "Event name" but no other CloudTrail column' };
  },
  normalize: (record, ctx) => {
    const row = obj(record);
    if (!row) return { problem: 'row is not an object' };
    return normalizeCloudTrailObject(cloudTrailFromRow(row as Record<string, string>), ctx);
  },
  unmapped: (record) => {
    const row = obj(record) ?? {};
    const used = new Set(CLOUDTRAIL_MAPPED.map((m) => m.split('.')[0]));
    return Object.keys(row).filter((column) => {
      const field = COLUMNS[columnKey(column)];
      return field === undefined || !used.has(field.split('.')[0]);
    });
  },
});
