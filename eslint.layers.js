// The architecture as a lint rule: every file belongs to a layer named by its path, and a
// layer may import only the layers listed for it. Features never import each other;
// workers and the log engine never import UI; shared/ imports nothing platform-bound.
import { dirname, relative, resolve, sep } from 'node:path';

const root = import.meta.dirname;

/** The layer of a repo-relative path (forward slashes), or null for unlayered files (tests, configs). */
export function layerOf(path) {
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('electron/main/')) return 'main';
  if (path.startsWith('electron/preload/')) return 'preload';
  if (path.startsWith('electron/cli/')) return 'cli';
  if (!path.startsWith('renderer/src/')) return null;
  if (/\.worker\.ts$/.test(path) || path.startsWith('renderer/src/workers/')) return 'worker';
  const m = /^renderer\/src\/features\/([^/]+)\//.exec(path);
  if (m) return `feature:${m[1]}`;
  for (const layer of ['runtime', 'platform', 'db', 'common', 'app']) if (path.startsWith(`renderer/src/${layer}/`)) return layer;
  if (path.startsWith('renderer/src/logs/engine/')) return 'engine';
  if (path === 'renderer/src/main.tsx') return 'app';
  return 'renderer-unplaced';
}

const below = {
  shared: [],
  main: ['shared'],
  preload: ['shared'],
  cli: ['shared'],
  runtime: ['shared'],
  platform: ['shared', 'runtime'],
  db: ['shared', 'runtime'],
  engine: ['shared', 'runtime', 'db'],
  worker: ['shared', 'runtime', 'db', 'engine'],
  common: ['shared', 'runtime', 'db', 'platform'],
  feature: ['shared', 'runtime', 'db', 'platform', 'common', 'engine', 'worker'],
  app: ['shared', 'runtime', 'db', 'platform', 'common', 'engine', 'worker', 'feature:*'],
};

export function mayImport(from, to) {
  if (from === to || to === null) return true;
  const allowed = below[from.startsWith('feature:') ? 'feature' : from];
  if (!allowed) return true;
  return allowed.includes(to) || (to.startsWith('feature:') && allowed.includes('feature:*'));
}

const nodeBuiltins = /^(node:|fs$|fs\/|path$|os$|crypto$|child_process$|zlib$|worker_threads$|url$|stream$|http$|https$|net$)/;
const forbiddenPackages = {
  shared: [nodeBuiltins, /^electron$/, /^react(-dom)?(\/|$)/, /^dexie$/, /^zustand(\/|$)/],
  runtime: [nodeBuiltins, /^electron$/],
  platform: [nodeBuiltins],
  db: [nodeBuiltins, /^electron$/, /^react(-dom)?(\/|$)/],
  engine: [nodeBuiltins, /^electron$/, /^react(-dom)?(\/|$)/, /^zustand(\/|$)/],
  worker: [nodeBuiltins, /^electron$/, /^react(-dom)?(\/|$)/, /^zustand(\/|$)/],
  common: [nodeBuiltins, /^electron$/],
  feature: [nodeBuiltins, /^electron$/],
  app: [nodeBuiltins, /^electron$/],
};

const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{from}} may not import {{to}} ({{spec}}).' } },
  create(context) {
    const file = relative(root, context.filename).split(sep).join('/');
    const from = layerOf(file);
    if (!from) return {};
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(context.filename), spec)).split(sep).join('/');
        const to = layerOf(target);
        // A worker's message types may be imported by whoever talks to it: types run no code.
        if (to === 'worker' && node.importKind === 'type') return;
        if (!mayImport(from, to)) context.report({ node, messageId: 'layer', data: { from, to: to ?? target, spec } });
        return;
      }
      const rules = forbiddenPackages[from.startsWith('feature:') ? 'feature' : from] ?? [];
      if (rules.some((r) => r.test(spec))) context.report({ node, messageId: 'layer', data: { from, to: `the package "${spec}"`, spec } });
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export const layers = { rules: { imports: rule } };
