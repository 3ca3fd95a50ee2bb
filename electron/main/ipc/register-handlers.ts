// Registers one ipcMain handler per contract method. Each call must come from a frame
// on the app origin and carry exactly the arguments the contract's schema allows.
// Pure: the ipcMain-like object is injected, so this runs in tests without Electron.
import { z } from 'zod';
import { ipcArgSchemas, ipcChannels } from '../../../shared/ipc/contract.ts';
import type { CustodyApi } from '../../../shared/ipc/contract.ts';

export interface InvokeEventLike {
  /** The sending frame; Electron gives null once it navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string } | null | undefined;
}

export interface IpcMainLike<E extends InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** A handler per method: its validated argument (undefined for none) and the invoke event. */
export type CustodyHandlers<E> = {
  [K in keyof CustodyApi]: (arg: Parameters<CustodyApi[K]>[0], event: E) => ReturnType<CustodyApi[K]>;
};

type Method = keyof CustodyApi;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`).join('; ');
}

/** Validates the positional arguments of one call; the schema is made strict so extra properties fail too. */
function argumentParser(method: Method): (args: unknown[]) => unknown {
  const declared = ipcArgSchemas[method] as z.ZodType | null;
  if (declared === null) {
    return (args) => {
      if (args.length !== 0) throw new Error(`${method} takes no arguments`);
      return undefined;
    };
  }
  const schema = declared instanceof z.ZodObject ? declared.strict() : declared;
  return (args) => {
    if (args.length !== 1) throw new Error(`${method} takes exactly one argument`);
    const result = schema.safeParse(args[0]);
    if (!result.success) throw new Error(`Invalid argument for ${method}: ${describeIssues(result.error)}`);
    return result.data;
  };
}

function assertTrustedSender(event: InvokeEventLike, isAppUrl: (url: string) => boolean, method: Method): void {
  const frame = event.senderFrame;
  if (!frame) throw new Error(`${method}: the calling frame is gone`);
  if (!isAppUrl(frame.url)) throw new Error(`${method}: refused for a frame outside the app`);
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpcHandlers<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: CustodyHandlers<E>,
  isAppUrl: (url: string) => boolean,
): () => void {
  const methods = Object.keys(ipcChannels) as Method[];
  for (const method of methods) {
    const parse = argumentParser(method);
    const handler = handlers[method] as (arg: unknown, event: E) => unknown;
    ipcMain.handle(ipcChannels[method], (event, ...args) => {
      assertTrustedSender(event, isAppUrl, method);
      return handler(parse(args), event);
    });
  }
  return () => methods.forEach((method) => ipcMain.removeHandler(ipcChannels[method]));
}
