// "agent X acting for user Y via credential Z (scopes, expires …)" and the same chain as boxes.
import type { Delegation } from './delegation.ts';

const roleWords: Record<string, string> = { user: 'user', hop: 'delegate', actor: 'actor', credential: 'credential', target: 'target' };

export function DelegationView({ delegation }: { delegation: Delegation }) {
  return (
    <section className="lg-deleg" aria-label="Delegation chain">
      <p className="lg-deleg-sentence" data-testid="delegation-sentence">
        {delegation.sentence.map((part, i) => (part.strong ? <strong key={i}>{part.text}</strong> : <span key={i}>{part.text}</span>))}
      </p>
      <ol className="lg-chain">
        {delegation.chain.map((node, i) => (
          <li key={i} className="lg-chain-node" data-role={node.role}>
            <span className="lg-chain-role">{roleWords[node.role]}</span>
            <span className="lg-chain-label" title={node.label}>
              {node.label}
            </span>
            {node.detail ? (
              <span className="lg-chain-detail" title={node.detail}>
                {node.detail}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
