// The normalized access event: every access-log reader (Okta, Descope, Auth0, CloudTrail,
// OCSF, OTel spans, mapped JSONL/CSV) produces this shape. OCSF-minded, but flat enough
// to facet on. The verbatim record travels with it in `raw`; nothing is dropped.
import { z } from 'zod';

export const ActionClass = z.enum([
  'authn',
  'token_issue',
  'token_exchange',
  'consent',
  'stepup',
  'authz_decision',
  'api_call',
  'tool_call',
  'credential_admin',
  'privilege_change',
  'other',
]);
export type ActionClass = z.infer<typeof ActionClass>;

export const Outcome = z.enum(['success', 'failure', 'unknown']);
export type Outcome = z.infer<typeof Outcome>;

/** An authorization decision; null when the event is not a decision (a span, an admin change). */
export const Decision = z.enum(['allow', 'deny', 'challenge']);
export type Decision = z.infer<typeof Decision>;

export const ActorType = z.enum(['human', 'agent', 'service', 'unknown']);
export type ActorType = z.infer<typeof ActorType>;

/** Microseconds since the Unix epoch, UTC (fits a double exactly until the year 2255). */
const Micros = z.number().int();

export const Actor = z.object({
  id: z.string().optional(),
  type: ActorType,
  name: z.string().optional(),
  /** OAuth client / app the actor used. */
  clientId: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

/**
 * One hop of delegation, outermost first: RFC 8693 `act` claims nest the prior actor
 * inside, so `{sub: A, act: {sub: B}}` becomes [{actor: A}, {actor: B}].
 */
export const DelegationHop = z.object({
  actor: z.string(),
  clientId: z.string().optional(),
  /** How authority passed: "token-exchange", "assume-role", "ocsf-delegation" … */
  via: z.string().optional(),
});
export type DelegationHop = z.infer<typeof DelegationHop>;

export const Credential = z.object({
  /** access_token, access_key, sts_session, session, password … (lower case). */
  type: z.string().optional(),
  id: z.string().optional(),
  jti: z.string().optional(),
  issued: Micros.optional(),
  expires: Micros.optional(),
  audience: z.array(z.string()).default([]),
});
export type Credential = z.infer<typeof Credential>;

export const Mfa = z.object({
  performed: z.boolean(),
  method: z.string().optional(),
});
export type Mfa = z.infer<typeof Mfa>;

export const Target = z.object({
  /** Service, API or resource server addressed (MCP server, AWS service, audience). */
  service: z.string().optional(),
  operation: z.string().optional(),
  resourceIds: z.array(z.string()).default([]),
});
export type Target = z.infer<typeof Target>;

export const Mcp = z.object({
  server: z.string().optional(),
  method: z.string().optional(),
  tool: z.string().optional(),
  session: z.string().optional(),
  /** JSON-RPC request id: with the session, a tier-1 link to the transcript's call. */
  jsonrpcId: z.string().optional(),
});
export type Mcp = z.infer<typeof Mcp>;

export const Source = z.object({
  /** The imported file (the store's source id, or the file name). */
  id: z.string(),
  format: z.string(),
  /** 1-based line where the record starts. */
  line: z.number().int().positive(),
  /** 1-based ordinal of the record in the file. */
  record: z.number().int().positive(),
});
export type Source = z.infer<typeof Source>;

export const Correlation = z.object({
  traceId: z.string().optional(),
  spanId: z.string().optional(),
  parentSpanId: z.string().optional(),
  requestId: z.string().optional(),
  transactionId: z.string().optional(),
  conversationId: z.string().optional(),
  toolCallId: z.string().optional(),
  sessionId: z.string().optional(),
});
export type Correlation = z.infer<typeof Correlation>;

export const AccessEvent = z.object({
  /** `<source id>:<record>` or `<source id>:<record>.<n>` when one record holds several events. */
  id: z.string().min(1),
  /** The vendor's own event id (uuid, eventID, log_id …), not necessarily unique. */
  nativeId: z.string().optional(),
  source: Source,
  /** The record exactly as it stood in the file (an OTLP span is re-serialized: see README). */
  raw: z.string(),
  /** "sha256:<hex>" of `raw` as UTF-8; filled by the store in batches (see digest.ts). */
  rawDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
  /** Null when the record has no readable timestamp. */
  time: Micros.nullable(),
  actionNative: z.string(),
  actionClass: ActionClass,
  outcome: Outcome,
  decision: Decision.nullable(),
  reason: z.string().optional(),
  actor: Actor,
  /** The human on whose behalf the action was taken (the actor when acting for themself). */
  subjectUser: z.string().optional(),
  delegation: z.array(DelegationHop).default([]),
  credential: Credential.optional(),
  mfa: Mfa.optional(),
  /** True when the event demanded or performed a step-up. */
  stepUp: z.boolean().default(false),
  scopesGranted: z.array(z.string()).default([]),
  scopesRequested: z.array(z.string()).default([]),
  tenant: z.string().optional(),
  target: Target,
  mcp: Mcp.optional(),
  src: z.object({ ip: z.string().optional(), userAgent: z.string().optional() }),
  correlation: Correlation,
  /** Raw leaf paths no field came from, when asked for (they stay visible in `raw`). */
  unmapped: z.array(z.string()).optional(),
});
export type AccessEvent = z.infer<typeof AccessEvent>;
