// Types for start.mjs.
import type { ElectronBinary } from './electron-binary.d.mts';

export interface StartDeps {
  build(): number;
  findBinary(): ElectronBinary;
  /** One attempt at Electron's own download; true when it succeeded. */
  download?(): boolean;
  launch(binaryPath: string): Promise<number>;
  printError(text: string): void;
  webPort: number | string;
}

export function start(deps: StartDeps): Promise<number>;
