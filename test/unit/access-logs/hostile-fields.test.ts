// The fields this round of fixes reads, given the wrong types: each reader still returns an
// event (or a problem message), never throws.
import { describe, expect, it } from 'vitest';
import type { RecordContext } from '../../../shared/formats/access-logs/reader.ts';
import { normalizeOkta } from '../../../shared/formats/access-logs/okta.ts';
import { normalizeDescope } from '../../../shared/formats/access-logs/descope.ts';
import { normalizeAuth0 } from '../../../shared/formats/access-logs/auth0.ts';
import { normalizeCloudTrail } from '../../../shared/formats/access-logs/cloudtrail.ts';
import { normalizeOcsf } from '../../../shared/formats/access-logs/ocsf.ts';
import { AccessEvent } from '../../../shared/model/access-event.ts';

const ctx: RecordContext = { sourceId: 'hostile', format: 'test', line: 7, ordinal: 1, raw: '{}' };
const junk: unknown[] = [null, 0, -1, 1e308, '', '%E0%A4%A', '{not json', [], [null, {}, 3], { id: {} }, true, 'null'];

describe('hostile values in the newly read fields never throw', () => {
  for (const v of junk) {
    it(`value ${JSON.stringify(v)}`, () => {
      const results = [
        normalizeOkta({ eventType: 'user.session.start', published: v, actor: { id: v, type: v, alternateId: v }, client: { id: v }, target: [v, { type: 'AppInstance', id: v }], debugContext: { debugData: { originalPrincipal: v, clientId: v, actClaim: v } } }, ctx),
        normalizeCloudTrail({ eventName: 'CredentialVerification', eventTime: v, userIdentity: { type: 'IdentityCenterUser', onBehalfOf: v, userName: v, principalId: v, accountId: v }, serviceEventDetails: v, additionalEventData: v, responseElements: v, errorMessage: v }, ctx),
        normalizeCloudTrail({ eventName: 'ConsoleLogin', userIdentity: v, serviceEventDetails: { ConsoleLogin: v, x: v }, responseElements: { ConsoleLogin: v } }, ctx),
        normalizeOcsf({ class_uid: 3006, time: v, user: v, group: v, policies: v, policy: v, actor: { user: { type: v, type_id: v }, session: { issuer: v } }, api: { operation: v, response: { error: v } }, cloud: { provider: v } }, ctx),
        normalizeDescope({ action: 'ThirdPartyAppTokenIssued', occurred: v, userId: v, actorId: v, method: v, device: v, externalIds: v, data: { scopes: v, thirdPartyAppId: v, appName: v, onBehalfOf: v } }, ctx),
        normalizeAuth0({ type: 'sapi', date: v, details: { request: { path: `/api/v2/users/${String(v)}/roles`, body: { roles: v, users: [v], members: v } } } }, ctx),
      ];
      for (const r of results) {
        if ('problem' in r) expect(typeof r.problem).toBe('string');
        else for (const e of Array.isArray(r) ? r : [r]) expect(AccessEvent.safeParse(e).success).toBe(true);
      }
    });
  }
});
