// Rubric families, each with its versions newest first.
import { formatWhen } from '../../common/format.ts';
import type { Family } from './actions.ts';

export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 10);
}

interface Props {
  families: Family[];
  activeHash?: string;
  selectedHash?: string;
  onSelect: (hash: string) => void;
}

export function RubricList({ families, activeHash, selectedHash, onSelect }: Props) {
  if (!families.length) return <p className="empty">No rubrics yet. Import one in the Library or create one.</p>;
  return (
    <ul className="families" aria-label="Rubric families">
      {families.map((f) => (
        <li key={f.id} className="family">
          <div className="family-head">
            <span className="family-title">{f.versions[0]?.title ?? f.id}</span>
            <span className="mono faint family-id">
              {f.id} · {f.versions.length === 1 ? '1 version' : `${f.versions.length} versions`}
            </span>
          </div>
          <table className="table versions" aria-label={`Versions of ${f.id}`}>
            <thead>
              <tr>
                <th>Version</th>
                <th>Hash</th>
                <th className="num">Criteria</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {f.versions.map((v) => (
                <tr key={v.hash} aria-selected={v.hash === selectedHash} className="version-row" onClick={() => onSelect(v.hash)}>
                  <td className="nowrap">
                    <button type="button" className="link-button" onClick={() => onSelect(v.hash)} aria-label={`v${v.version}, ${f.id} version ${v.version}`}>
                      v{v.version}
                    </button>
                    {v.hash === activeHash ? <span className="badge badge-accent" title="Used for new assignments">active</span> : null}
                  </td>
                  <td className="mono muted" title={v.hash}>
                    {shortHash(v.hash)}
                  </td>
                  <td className="num">{v.criteria.length}</td>
                  <td className="nowrap muted" title={formatWhen(v.createdAt)}>
                    {formatWhen(v.createdAt).slice(0, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ul>
  );
}
