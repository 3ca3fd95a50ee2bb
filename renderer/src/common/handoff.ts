// Files picked on one screen that another screen handles: an access log dropped on the
// Library is ingested by the Logs screen. Features never import each other, so the
// receiving feature registers here at start-up (app/App.tsx wires it) and the sending one
// hands over through here. Without a receiver (unit tests of the Library alone) nothing is
// handed over and the file is treated as the sender's own.

export interface AccessLogReceiver {
  /** The access-log format of a file from its first bytes, or null when it is not an access log. */
  recognise(name: string, bytes: Uint8Array): string | null;
  /** Starts ingesting the files; progress and results show on the receiving screen. */
  ingest(files: File[]): void;
}

let receiver: AccessLogReceiver | undefined;

export function receiveAccessLogs(r: AccessLogReceiver | undefined): void {
  receiver = r;
}

export function accessLogReceiver(): AccessLogReceiver | undefined {
  return receiver;
}
