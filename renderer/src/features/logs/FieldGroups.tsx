// The normalized fields, grouped; each value is plain text.
import type { FieldGroup } from './event-fields.ts';

export function FieldGroups({ groups }: { groups: FieldGroup[] }) {
  return (
    <div className="lg-groups">
      {groups.map((g) => (
        <section key={g.id} className="lg-group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <dl>
            {g.fields.map((f) => (
              <div key={f.path} className="lg-field">
                <dt className="mono" title={f.path}>
                  {f.path}
                </dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
