// RFC 8693 delegation: a token's `act` claim names the current actor and nests the prior
// one inside (`{sub: agent, act: {sub: gateway}}`), outermost first. Given inline or as a
// JSON string (Okta debugData.actClaim); depth is bounded against hostile input.
import type { DelegationHop } from '../../model/access-event.ts';
import { first, objOrJson } from './fields.ts';

const MAX_HOPS = 16;

export function actChain(act: unknown, via = 'token-exchange'): DelegationHop[] {
  const hops: DelegationHop[] = [];
  let claim = objOrJson(act);
  while (claim && hops.length < MAX_HOPS) {
    const actor = first(claim.sub, claim.client_id, claim.azp);
    if (actor === undefined) break;
    hops.push({ actor, clientId: first(claim.client_id, claim.azp), via });
    claim = objOrJson(claim.act);
  }
  return hops;
}
