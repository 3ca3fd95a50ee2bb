// Deterministic Okta System Log JSON Lines for the access-log benchmark: about 780 bytes
// an event (1M events ≈ 780 MB), shaped like real LogEvents (actor, client, outcome,
// target[], transaction, authenticationContext, debugContext.debugData) and mixed so
// audit queries have something to find: agents exchanging tokens on users' behalf (RFC
// 8693 actClaim), scopes requested and granted, denies and step-up challenges, MFA, trace
// ids, admin privilege changes. Same seed → same bytes.
//
//   tsx test/bench/access-log/generate-okta.ts --events 1000000 --out /tmp/okta-1m.jsonl [--seed 7]
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** xorshift32: small, fast and seedable; good enough to pick among a few thousand values. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

function hex(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
  return s;
}

interface World {
  users: { id: string; login: string; name: string; group: string }[];
  agents: { id: string; client: string; name: string }[];
  tools: { scope: string; audience: string }[];
}

const FIRST = ['ada', 'grace', 'alan', 'edsger', 'barbara', 'ken', 'margaret', 'linus', 'frances', 'john', 'radia', 'donald', 'hedy', 'tim', 'katherine'];
const LAST = ['lovelace', 'hopper', 'turing', 'dijkstra', 'liskov', 'thompson', 'hamilton', 'torvalds', 'allen', 'backus', 'perlman', 'knuth', 'lamarr', 'berners', 'johnson'];
const GROUPS = ['Clinicians', 'Nursing-RN', 'Pharmacy', 'Billing', 'Admins'];
const SCOPES = ['ehr.read', 'ehr.write', 'lab.order', 'messaging.send', 'scheduling.write', 'pharmacy.read', 'billing.read', 'refunds.issue'];

function world(rand: () => number): World {
  const users = Array.from({ length: 500 }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    return { id: `00u${token(rand, 17)}`, login: `${first[0]}${last}${i}@stmarys.example`, name: `${first} ${last}`, group: GROUPS[i % GROUPS.length]! };
  });
  const agents = Array.from({ length: 24 }, (_, i) => ({ id: `agent-${['carecoord', 'billing', 'triage', 'scheduler', 'pharmacy', 'refunds'][i % 6]}-${i}`, client: `0oa${token(rand, 17)}`, name: `Agent ${i}` }));
  const tools = SCOPES.map((scope) => ({ scope, audience: `api://stmarys/mcp-${scope.split('.')[0]}` }));
  return { users, agents, tools };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

const SERVER_UA = 'mcp-gateway/1.8.2';
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64) Chrome/141.0';

/** One LogEvent; `at` is the event time in ms. */
function event(rand: () => number, w: World, at: number): Record<string, unknown> {
  const user = pick(rand, w.users);
  const agent = pick(rand, w.agents);
  const tool = pick(rand, w.tools);
  const requestId = token(rand, 27);
  const published = new Date(at).toISOString();
  const traceId = hex(rand, 32);
  const roll = rand();
  const base = {
    uuid: `${hex(rand, 8)}-${hex(rand, 4)}-11f1-${hex(rand, 4)}-${hex(rand, 12)}`,
    published,
  };
  const agentActor = { id: agent.client, type: 'PublicClientApp', displayName: agent.name };
  const userActor = { id: user.id, type: 'User', alternateId: user.login, displayName: user.name };
  const agentClient = { userAgent: { rawUserAgent: SERVER_UA }, ipAddress: `198.51.100.${1 + Math.floor(rand() * 60)}` };
  const userClient = { userAgent: { rawUserAgent: BROWSER_UA }, zone: 'Clinical-LAN', ipAddress: `203.0.113.${1 + Math.floor(rand() * 200)}` };
  const session = `102${token(rand, 22)}`;

  if (roll < 0.62) {
    // The agent exchanges the user's token for a one-scope token (RFC 8693): grant, then the issued token.
    const denied = rand() < 0.06 && tool.scope !== 'ehr.read';
    const wide = rand() < 0.05;
    const granted = denied ? undefined : wide ? `${tool.scope}, ehr.write` : tool.scope;
    const issued = !denied && rand() < 0.5;
    const expires = new Date(at + 600_000).toISOString();
    return {
      ...base,
      eventType: issued ? 'app.oauth2.as.token.grant.access_token' : 'app.oauth2.as.token.grant',
      actor: agentActor,
      client: agentClient,
      outcome: denied ? { result: 'DENY', reason: `scope '${tool.scope}' is not delegable for group '${user.group}'` } : { result: 'SUCCESS' },
      target: issued
        ? [{ id: `AT.${token(rand, 30)}`, type: 'access_token', detailEntry: { expires } }]
        : [{ id: user.id, type: 'User', alternateId: user.login }],
      transaction: { id: requestId },
      debugContext: {
        debugData: {
          grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
          audience: tool.audience,
          requestedScopes: tool.scope,
          ...(granted ? { grantedScopes: granted } : { error: 'access_denied' }),
          subject: user.login,
          actClaim: `{"sub":"${agent.id}","client_id":"${agent.client}"}`,
          traceId,
        },
      },
    };
  }
  if (roll < 0.7) {
    // Step-up: the policy challenges (or denies) a sensitive scope for an agent call.
    const result = rand() < 0.7 ? 'CHALLENGE' : rand() < 0.5 ? 'DENY' : 'ALLOW';
    return {
      ...base,
      eventType: 'policy.evaluate_sign_on',
      actor: userActor,
      client: agentClient,
      authenticationContext: { externalSessionId: session },
      outcome: { result, reason: result === 'CHALLENGE' ? `rule '${tool.scope} step-up' requires Okta Verify` : null },
      target: [{ id: `0pr${token(rand, 17)}`, type: 'Rule', displayName: `${tool.scope} step-up` }],
      transaction: { id: requestId },
      debugContext: { debugData: { requestId, requestedScopes: tool.scope, subject: user.login, actClaim: `{"sub":"${agent.id}","client_id":"${agent.client}"}`, traceId, stepUpRequired: String(result === 'CHALLENGE') } },
    };
  }
  if (roll < 0.86) {
    // People signing in, a few failing, some with MFA.
    const type = pick(rand, ['user.session.start', 'user.session.start', 'user.authentication.sso', 'user.authentication.auth_via_mfa']);
    const failed = rand() < 0.04;
    return {
      ...base,
      eventType: type,
      actor: userActor,
      client: userClient,
      authenticationContext: { externalSessionId: session, credentialType: type.endsWith('mfa') ? 'OTP' : 'PASSWORD' },
      outcome: { result: failed ? 'FAILURE' : 'SUCCESS', reason: failed ? 'INVALID_CREDENTIALS' : null },
      target: type.endsWith('sso') ? [{ id: `0oa${token(rand, 17)}`, type: 'AppInstance', displayName: 'Meridian EHR' }] : null,
      transaction: { id: requestId },
      debugContext: { debugData: { requestId, ...(type.endsWith('mfa') ? { factor: 'OKTA_VERIFY_PUSH' } : {}) } },
    };
  }
  if (roll < 0.97) {
    // The agent's own identity: client credentials, no user behind it.
    return {
      ...base,
      eventType: 'app.oauth2.as.token.grant.access_token',
      actor: agentActor,
      client: agentClient,
      outcome: { result: 'SUCCESS' },
      target: [{ id: `AT.${token(rand, 30)}`, type: 'access_token', detailEntry: { expires: new Date(at + 28_800_000).toISOString(), subject: agent.client } }],
      transaction: { id: requestId },
      debugContext: { debugData: { requestId, grantType: 'client_credentials', requestedScopes: 'agent.act', grantedScopes: 'agent.act', audience: 'api://stmarys/mcp-gateway', agentId: agent.id } },
    };
  }
  // Admin work: privilege grants (sometimes by an agent) and API tokens.
  const byAgent = rand() < 0.2;
  return {
    ...base,
    eventType: pick(rand, ['user.account.privilege.grant', 'group.user_membership.add', 'system.api_token.create']),
    actor: byAgent ? agentActor : userActor,
    client: byAgent ? agentClient : userClient,
    outcome: { result: 'SUCCESS' },
    target: [{ id: pick(rand, w.users).id, type: 'User', alternateId: pick(rand, w.users).login }],
    transaction: { id: requestId },
    debugContext: { debugData: { requestId, privilegeGranted: 'Application administrator' } },
  };
}

const START = Date.UTC(2026, 0, 1);

/** The events as JSON Lines, in chunks of about `chunkChars` characters. */
export function* oktaJsonlChunks(events: number, seed = 7, chunkChars = 1 << 20): Generator<string> {
  const rand = random(seed);
  const w = world(rand);
  let at = START;
  let parts: string[] = [];
  let size = 0;
  for (let i = 0; i < events; i++) {
    // About 2.4 s apart on average: 1M events span a month.
    at += Math.floor(rand() * 4800);
    const line = JSON.stringify(event(rand, w, at));
    parts.push(line);
    size += line.length + 1;
    if (size >= chunkChars) {
      yield `${parts.join('\n')}\n`;
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield `${parts.join('\n')}\n`;
}

/** The same chunks as an async iterable (for streams and workers). */
export async function* generateOktaJsonl(events: number, seed = 7, chunkChars = 1 << 20): AsyncGenerator<string> {
  for (const chunk of oktaJsonlChunks(events, seed, chunkChars)) yield chunk;
}

export interface ChunkWritable {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** Writes the events to a stream, waiting for it to drain; resolves with the bytes written. */
export async function writeOktaJsonl(out: ChunkWritable, events: number, seed = 7): Promise<number> {
  let bytes = 0;
  for (const chunk of oktaJsonlChunks(events, seed)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  return bytes;
}

function argument(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[1].endsWith('generate-okta.ts')) {
  const events = Number(argument('--events', '1000000'));
  const outPath = argument('--out');
  const seed = Number(argument('--seed', '7'));
  if (!Number.isInteger(events) || events < 0 || !outPath) {
    process.stderr.write('usage: tsx test/bench/access-log/generate-okta.ts --events N --out FILE [--seed S]\n');
    process.exit(2);
  }
  const out = createWriteStream(outPath);
  const started = performance.now();
  const bytes = await writeOktaJsonl(out, events, seed);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ events, bytes, bytesPerEvent: Math.round(bytes / Math.max(events, 1)), seconds: Number(seconds.toFixed(2)), out: outPath })}\n`);
}
