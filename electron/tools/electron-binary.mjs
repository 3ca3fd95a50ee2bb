// Finds the Electron executable the way node_modules/electron/index.js does, but only
// looks: requiring 'electron' from Node would start its lazy download instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What install.js would write to path.txt on each platform. */
export function defaultExecutable(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The installed electron package's folder, found without executing its index.js. */
export function electronPackageDir(fromUrl = import.meta.url) {
  return dirname(createRequire(fromUrl).resolve('electron/package.json'));
}

/**
 * @param {import('./electron-binary.d.mts').FindElectronOptions} options
 * @returns {import('./electron-binary.d.mts').ElectronBinary}
 */
export function findElectronBinary({
  electronDir,
  env = process.env,
  platform = process.platform,
  exists = existsSync,
  readText = (file) => readFileSync(file, 'utf8'),
}) {
  const pathFile = join(electronDir, 'path.txt');
  const executable = exists(pathFile) ? readText(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, executable || defaultExecutable(platform));
    return exists(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist.` };
  }
  if (!executable) {
    return { found: false, reason: `${pathFile} is missing: Electron's download never completed.` };
  }
  const candidate = join(electronDir, 'dist', executable);
  return exists(candidate) ? { found: true, path: candidate } : { found: false, reason: `${candidate} is missing.` };
}

/** Wraps text at spaces so the paragraph reads well in an 80-column terminal. */
function wrap(text, width = 88) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The one paragraph printed when there is no binary to launch. */
export function missingElectronMessage(reason, webPort = 5317) {
  return wrap(
    'Custody was built, but it cannot start as a desktop app here: the Electron 45 binary is not ' +
      `installed and could not be downloaded (no network). ${reason} To get it, run ` +
      '`npx install-electron` in this project on a machine with network access, or set ' +
      'ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron 45 distribution, then run ' +
      '`npm start` again. Meanwhile `npm run web` runs the same app in any Chromium at ' +
      `http://127.0.0.1:${webPort}/`,
  );
}
