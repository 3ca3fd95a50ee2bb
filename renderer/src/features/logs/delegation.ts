// The delegation chain of one event, as a sentence and as nodes for a small diagram:
// "agent X acting for user Y via credential Z (scopes, expires …)". Reads the
// normalized AccessEvent defensively: any part may be missing in a vendor's record.
export interface ChainNode {
  role: 'user' | 'hop' | 'actor' | 'credential' | 'target';
  label: string;
  detail?: string;
}

export interface SentencePart {
  text: string;
  strong?: boolean;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

export interface Delegation {
  sentence: SentencePart[];
  chain: ChainNode[];
}

export function describeDelegation(normalized: Record<string, unknown>, formatMicros: (us: number) => string): Delegation {
  const actor = obj(normalized.actor);
  const actorType = str(actor.type) ?? 'unknown';
  const actorName = str(actor.name) ?? str(actor.id) ?? 'unknown actor';
  const actorNoun = actorType === 'human' ? 'user' : actorType === 'unknown' ? 'actor' : actorType;
  const subject = str(normalized.subjectUser);
  const hops = Array.isArray(normalized.delegation) ? normalized.delegation.map(obj) : [];
  // The model names the human as their own subject; a person with no delegation hops acts for themself
  // even when the vendor spells them differently (display name vs. login).
  const selfActing = subject !== undefined && (subject === str(actor.id) || subject === str(actor.name) || (actorType === 'human' && hops.length === 0));
  const credential = obj(normalized.credential);
  const credType = str(credential.type)?.replace(/_/g, ' ');
  const credId = str(credential.id) ?? str(credential.jti);
  const issued = typeof credential.issued === 'number' ? formatMicros(credential.issued) : undefined;
  const expires = typeof credential.expires === 'number' ? formatMicros(credential.expires) : undefined;
  const audience = strings(credential.audience);
  // The same fields the details list under "Credential": any of them set means a credential was recorded.
  const hasCredential = credType !== undefined || credId !== undefined || issued !== undefined || expires !== undefined || audience.length > 0;
  const granted = strings(normalized.scopesGranted);
  const requested = strings(normalized.scopesRequested);
  const target = obj(normalized.target);
  const mcp = obj(normalized.mcp);

  const sentence: SentencePart[] = [{ text: `${actorNoun} ` }, { text: actorName, strong: true }];
  if (subject && !selfActing) sentence.push({ text: ' acting for user ' }, { text: subject, strong: true });
  else if (subject) sentence.push({ text: subject === actorName ? ' acting for themself' : ` (${subject}) acting for themself` });
  else if (actorType !== 'human') sentence.push({ text: ' with no on-behalf-of user recorded' });
  if (hasCredential) {
    sentence.push({ text: ' via ' }, { text: [credType ?? 'credential', credId].filter(Boolean).join(' '), strong: true });
  } else sentence.push({ text: ', no credential recorded' });
  sentence.push({ text: ` (${describeScopesAndTimes(granted, requested, issued, expires, audience).join('; ')})` });

  const chain: ChainNode[] = [];
  if (subject && !selfActing) chain.push({ role: 'user', label: subject, detail: 'on behalf of' });
  // Hops are outermost (current) first; the diagram reads from the user outwards.
  for (const hop of [...hops].reverse()) {
    const label = str(hop.actor);
    if (!label || label === str(actor.id) || label === actorName) continue;
    chain.push({ role: 'hop', label, detail: [str(hop.via), str(hop.clientId)].filter(Boolean).join(' · ') || 'delegated' });
  }
  chain.push({ role: 'actor', label: actorName, detail: [actorType, str(actor.clientId) && `client ${str(actor.clientId)}`].filter(Boolean).join(' · ') });
  if (hasCredential) chain.push({ role: 'credential', label: credId ?? credType ?? 'credential', detail: [credType, issued && `issued ${issued}`, expires && `expires ${expires}`].filter(Boolean).join(' · ') || 'no id recorded' });
  const targetLabel = str(mcp.tool) ?? str(target.operation) ?? str(target.service) ?? str(mcp.server);
  if (targetLabel) {
    const where = [str(mcp.server), str(target.service)].filter((s) => s && s !== targetLabel);
    chain.push({ role: 'target', label: targetLabel, detail: where.join(' · ') || 'target' });
  }
  return { sentence, chain };
}

/** The parenthesis of the sentence: scopes granted and requested, the credential's times and audience. */
function describeScopesAndTimes(granted: string[], requested: string[], issued?: string, expires?: string, audience: string[] = []): string[] {
  const parts: string[] = [];
  if (granted.length) parts.push(`scopes ${granted.join(', ')}`);
  // Requested but not granted is itself an audit fact; requested = granted says nothing new.
  const extra = requested.filter((s) => !granted.includes(s));
  if (extra.length) parts.push(`${granted.length ? 'also requested' : 'scopes requested'} ${extra.join(', ')}${granted.length ? '' : ', none granted recorded'}`);
  if (!granted.length && !requested.length) parts.push('no scopes recorded');
  if (audience.length) parts.push(`audience ${audience.join(', ')}`);
  if (issued) parts.push(`issued ${issued}`);
  if (expires) parts.push(`expires ${expires}`);
  return parts;
}
