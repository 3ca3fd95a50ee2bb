// Files picked or dropped, before anything is stored: what the detector thinks (format,
// confidence, reason), a reader override, and for generic files the column mapping.
import { formatBytes, formatWhen } from '../../common/format.ts';
import { useState } from 'react';
import { accessLogFormats, isGenericFormat } from './detection.ts';
import { needsReader, useImports, type LogFile, type StagedFile } from './import-store.ts';
import { MappingDialog } from './MappingDialog.tsx';
import { listMappings, type SavedMapping } from './mappings.ts';
import { useEngineQuery } from './use-query.ts';

function Verdict({ s }: { s: StagedFile }) {
  if (s.detectError) return <span className="error">Detection failed: {s.detectError}</span>;
  const d = s.detection;
  if (!d) return <span className="muted">detecting…</span>;
  if (d.kind === 'transcripts' || d.kind === 'rubric') {
    return (
      <span className="lg-verdict">
        <span className="badge badge-warn">{d.kind}</span> <span className="muted">This is a {d.kind} file ({d.format}); import it in the Library.</span>
      </span>
    );
  }
  if (d.kind !== 'access-log' || !d.format) {
    return (
      <span className="lg-verdict" data-confident="false">
        <span className="badge badge-warn">not recognized</span> <span className="muted">{d.reason}</span>
      </span>
    );
  }
  const pct = Math.round(d.confidence * 100);
  return (
    <span className="lg-verdict">
      <span className={pct >= 80 ? 'badge badge-ok' : 'badge badge-warn'}>{pct}%</span> <span className="mono">{d.format}</span> <span className="muted">— {d.reason}</span>
    </span>
  );
}

function Row({ s, mappings, formats, onMap }: { s: StagedFile; mappings: SavedMapping[]; formats: string[]; onMap: (f: LogFile) => void }) {
  const choose = useImports((st) => st.choose);
  const unstage = useImports((st) => st.unstage);
  const effective = s.format ?? s.detection?.format ?? undefined;
  const generic = isGenericFormat(effective);
  const id = `lg-fmt-${s.key}`;
  return (
    <li className="lg-staged-row">
      <div className="lg-staged-file">
        <strong title={s.file.name}>{s.file.name}</strong>
        <span className="muted">{formatBytes(s.file.size)}</span>
      </div>
      <div className="lg-staged-detect">
        <Verdict s={s} />
        {s.duplicateOf ? (
          <p className="lg-staged-dup" role="note" data-testid="staged-duplicate">
            <span className="badge badge-warn">Already imported</span>{' '}
            <span className="muted">
              Same SHA-256 as “{s.duplicateOf.name}”, imported {formatWhen(s.duplicateOf.importedAt)}: importing it again adds nothing.
            </span>
          </p>
        ) : null}
        {s.sameAs !== undefined ? (
          <p className="lg-staged-dup" role="note" data-testid="staged-twin">
            <span className="badge badge-warn">Same file twice</span>{' '}
            <span className="muted">Same bytes as “{s.sameAs}”, staged above: only the first import adds events.</span>
          </p>
        ) : null}
      </div>
      <div className="lg-staged-choice">
        <label htmlFor={id} className="sr-only">
          Reader for {s.file.name}
        </label>
        <select id={id} value={s.format ?? ''} onChange={(e) => choose(s.key, { format: e.target.value || undefined })} aria-invalid={needsReader(s) || undefined}>
          <option value="">{s.detection?.format ? `Detected: ${s.detection.format}` : s.detection ? 'Choose a reader…' : 'Detect on import'}</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              Read as {f}
            </option>
          ))}
        </select>
        {generic ? (
          <>
            <label htmlFor={`${id}-map`} className="sr-only">
              Column mapping for {s.file.name}
            </label>
            <select id={`${id}-map`} value={s.mappingId ?? ''} onChange={(e) => choose(s.key, { mappingId: e.target.value || undefined })}>
              <option value="">Best-effort default mapping</option>
              {mappings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.format})
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-sm" onClick={() => onMap(s.file)}>
              New mapping…
            </button>
          </>
        ) : null}
      </div>
      <button type="button" className="btn btn-quiet btn-sm" onClick={() => unstage(s.key)} aria-label={`Remove ${s.file.name}: do not import it`}>
        Remove
      </button>
    </li>
  );
}

export function StagedImports() {
  const staged = useImports((s) => s.staged);
  const start = useImports((s) => s.startStaged);
  const choose = useImports((s) => s.choose);
  const [mapping, setMapping] = useState<LogFile | null>(null);
  const [mappingsVersion, setMappingsVersion] = useState(0);
  const { data: mappings = [] } = useEngineQuery(listMappings, `mappings|${mappingsVersion}`, staged.length > 0);
  if (!staged.length) return null;
  const formats = accessLogFormats();
  const ready = staged.filter((s) => !needsReader(s)).length;
  return (
    <section className="lg-staged panel" aria-label="Files to import">
      <div className="panel-head">
        <h2>Ready to import</h2>
        <span className="muted">Check the detected format; nothing is stored until you import.</span>
        <button type="button" className="btn btn-primary btn-sm lg-push" onClick={start} disabled={!ready}>
          Import {ready === staged.length ? '' : `${ready} of `}
          {staged.length} {staged.length === 1 ? 'file' : 'files'}
        </button>
      </div>
      <ul className="lg-staged-list">
        {staged.map((s) => (
          <Row key={s.key} s={s} mappings={mappings} formats={formats} onMap={setMapping} />
        ))}
      </ul>
      <MappingDialog
        file={mapping}
        existing={mappings}
        onClose={() => setMapping(null)}
        onSaved={(m) => {
          const target = staged.find((s) => s.file === mapping);
          if (target) choose(target.key, { mappingId: m.id });
          setMapping(null);
          setMappingsVersion((v) => v + 1);
        }}
      />
    </section>
  );
}
