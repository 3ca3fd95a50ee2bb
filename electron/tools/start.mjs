// `npm start`: build with electron-vite, then launch Electron if its binary is here,
// else explain in one paragraph how to get it (or use the web build) and exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPackageDir, findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Runs the local electron-vite (not a global one) with the project's config. */
function buildApp(root) {
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts'], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

/** Electron's own installer, output kept quiet: its failure is explained by our message. */
function downloadElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const installer = join(electronPackageDir(), 'install.js');
  console.log('Electron binary not found; trying to download it once…');
  return spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 10 * 60_000 }).status === 0;
}

/** Starts `electron .`, passing Ctrl+C through and resolving to Electron's exit code. */
function launchElectron(binary, root) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((done) => {
    child.on('error', (error) => {
      console.error(`Could not start Electron (${binary}): ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The launcher's flow with its effects injected (tests replace them).
 * @param {import('./start.d.mts').StartDeps} deps
 * @returns {Promise<number>} the exit code
 */
export async function start({ build, findBinary, download, launch, printError, webPort }) {
  const built = build();
  if (built !== 0) return built;
  let binary = findBinary();
  // Electron downloads its binary lazily; try once quietly, then explain if that failed.
  if (!binary.found && download && download()) binary = findBinary();
  if (!binary.found) {
    printError(missingElectronMessage(binary.reason, webPort));
    return 1;
  }
  return launch(binary.path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await start({
    build: () => buildApp(projectRoot),
    findBinary: () => findElectronBinary({ electronDir: electronPackageDir() }),
    download: downloadElectron,
    launch: (binary) => launchElectron(binary, projectRoot),
    printError: (text) => console.error(`\n${text}\n`),
    webPort: process.env.PORT ?? 5317,
  });
}
