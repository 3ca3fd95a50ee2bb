// Types for electron-binary.mjs (plain JS so `npm start` needs no TypeScript loader).
export interface FindElectronOptions {
  /** Folder of the installed electron package (holds path.txt and dist/). */
  electronDir: string;
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (file: string) => boolean;
  readText?: (file: string) => string;
}

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function defaultExecutable(platform?: string): string;
export function electronPackageDir(fromUrl?: string): string;
export function findElectronBinary(options: FindElectronOptions): ElectronBinary;
export function missingElectronMessage(reason: string, webPort?: number | string): string;
