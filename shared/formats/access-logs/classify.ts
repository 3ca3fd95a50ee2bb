// Best-effort action classes from an action's name, for logs without a dedicated reader
// (GitHub, Slack, Duo, Google Workspace …) and for vendor names a reader has no table for.
// First match wins; the order puts the specific (credential, privilege) before the broad.
import type { ActionClass } from '../../model/access-event.ts';

const RULES: [RegExp, ActionClass][] = [
  [/token[-_. ]?exchange|exchange[-_. ]?token|delegat|assumerolewith/, 'token_exchange'],
  [/consent/, 'consent'],
  [/api[-_. ]?key|api[-_. ]?token|personal[-_. ]?access[-_. ]?token|access[-_. ]?key|passw(or)?d|secret|credential|ssh[-_. ]?key|certificate|bypass|token[-_. ]?(create|revoke|delete|rotat|update)|(factor|mfa|authenticator)[-_. ]?(enrol|reset|activ|deactiv|delete|disable|enable|remove|add)/, 'credential_admin'],
  [/step[-_. ]?up|mfa[-_. ]?(challenge|required|prompt)|send[-_. ]?factor|verify[-_. ]?push|challenge/, 'stepup'],
  [/role|permission|privilege|admin|membership|member[-_. ]?(add|remove)|(add|remove)[-_. ]?member|impersonat|elevat|grant|assign|owner/, 'privilege_change'],
  [/log[-_. ]?in|logon|sign[-_. ]?in|authenticat|\bsso\b|session[-_. ]?start|log[-_. ]?out|sign[-_. ]?out|\bauth\b/, 'authn'],
  [/token|oauth|assume[-_. ]?role|federation/, 'token_issue'],
  [/tool|\bmcp\b/, 'tool_call'],
  [/authoriz|access[-_. ]?(denied|granted|check)|decision|policy[-_. ]?evaluat/, 'authz_decision'],
  [/\bapi\b|invoke|request/, 'api_call'],
];

export function classifyAction(action: string): ActionClass {
  const a = action.toLowerCase();
  for (const [pattern, actionClass] of RULES) if (pattern.test(a)) return actionClass;
  return 'other';
}
