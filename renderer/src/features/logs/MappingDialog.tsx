// Column mapping for generic JSONL / CSV: preview the first records, say which column
// feeds each normalized field, check it against the preview, save it under a name.
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useMemo, useState } from 'react';
import { toMicros } from '../../../../shared/formats/access-logs/time.ts';
import { formatTime } from './format.ts';
import { cell, emptyMappingForm, isValid, mappingTargets, scopeSeparatorChoices, suggestColumns, timeFormats, toFieldMapping, validateMapping, type MappingForm, type MappingTarget } from './mapping-form.ts';
import { previewFile, type MappingPreview } from './mapping-preview.ts';
import { saveMapping, type SavedMapping } from './mappings.ts';
import type { LogFile } from './import-store.ts';

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function PreviewTable({ preview }: { preview: MappingPreview }) {
  return (
    <div className="mp-preview" tabIndex={0} role="region" aria-label="Preview of the first records">
      <table className="table mp-table" aria-label="First records">
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c} className="mono" title={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              {preview.columns.map((c) => (
                <td key={c} className="mono" title={text(cell(r, c))}>
                  {text(cell(r, c))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TargetRow({ id, label, required, form, columns, error, set }: { id: MappingTarget; label: string; required: boolean; form: MappingForm; columns: string[]; error?: string; set: (f: MappingForm) => void }) {
  const selectId = `mp-${id}`;
  return (
    <div className="mp-target">
      <label htmlFor={selectId} data-required={required || undefined}>
        {label}
      </label>
      <select
        id={selectId}
        aria-required={required || undefined}
        value={form.columns[id] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-err` : undefined}
        onChange={(e) => set({ ...form, columns: { ...form.columns, [id]: e.target.value } })}
      >
        <option value="">— not mapped —</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${selectId}-err`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export interface MappingDialogProps {
  file: LogFile | null;
  existing: SavedMapping[];
  onClose: () => void;
  onSaved: (mapping: SavedMapping) => void;
}

export function MappingDialog({ file, existing, onClose, onSaved }: MappingDialogProps) {
  const [preview, setPreview] = useState<MappingPreview>();
  const [form, setForm] = useState<MappingForm>(emptyMappingForm);
  const [tried, setTried] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  useEffect(() => {
    if (!file) return;
    let live = true;
    setTried(false);
    setSaveError(undefined);
    void previewFile(file).then((p) => {
      if (!live) return;
      setPreview(p);
      setForm({ ...emptyMappingForm(), name: file.name.replace(/\.(jsonl?|csv|ndjson|gz)+$/i, ''), columns: suggestColumns(p.columns) });
    });
    return () => {
      live = false;
    };
  }, [file]);

  const columns = useMemo(() => preview?.columns ?? [], [preview]);
  const errors = validateMapping(form, columns, preview?.rows ?? [], existing.map((m) => m.name));
  const shown = tried ? errors : {};
  const first = preview?.rows[0];
  const sampleTime = first && form.columns.time ? toMicros(cell(first, form.columns.time), form.timeFormat) : null;

  const save = async () => {
    setTried(true);
    if (!isValid(errors) || !preview || preview.framing === 'none') return;
    const mapping = toFieldMapping(form, preview.framing);
    if (!mapping.ok) return setSaveError(mapping.message);
    try {
      onSaved(await saveMapping(mapping.mapping));
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Dialog.Root open={file !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog mp-dialog" aria-describedby="mp-desc">
          <Dialog.Title asChild>
            <h2>Map columns: {file?.name}</h2>
          </Dialog.Title>
          <p id="mp-desc" className="muted">
            This file has no vendor reader. Say which column holds each field; the mapping is saved under its name and can be reused for
            files of the same shape. Columns you leave unmapped stay visible in each event's raw record.
          </p>
          {preview && preview.framing === 'none' ? <p className="error">No JSON records or CSV header were found in the first 64 KB of this file.</p> : null}
          {preview && preview.rows.length ? <PreviewTable preview={preview} /> : null}
          <form
            className="mp-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div className="field mp-name">
              <label htmlFor="mp-name">Mapping name</label>
              <input id="mp-name" type="text" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={shown.name ? true : undefined} />
              {shown.name ? <span className="field-error">{shown.name}</span> : null}
            </div>
            <div className="mp-grid">
              {mappingTargets.map((t) => (
                <TargetRow key={t.id} id={t.id} label={t.label} required={t.required} form={form} columns={columns} error={shown[t.id]} set={setForm} />
              ))}
            </div>
            <div className="mp-options">
              <div className="field">
                <label htmlFor="mp-actortype">The actor column names</label>
                <select id="mp-actortype" value={form.actorType} onChange={(e) => setForm({ ...form, actorType: e.target.value as MappingForm['actorType'] })}>
                  <option value="agent">an agent</option>
                  <option value="human">a person</option>
                  <option value="service">a service</option>
                  <option value="unknown">it varies</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="mp-timefmt">Time format</label>
                <select id="mp-timefmt" value={form.timeFormat} onChange={(e) => setForm({ ...form, timeFormat: e.target.value as MappingForm['timeFormat'] })}>
                  {timeFormats.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </select>
                <span className="field-hint">{sampleTime !== null ? `first row reads as ${formatTime(sampleTime, 'utc')} UTC` : 'first row: no time read yet'}</span>
              </div>
              {form.columns.decision ? (
                <fieldset className="mp-decisions">
                  <legend>Decision values (comma-separated, any case)</legend>
                  {(['allow', 'deny', 'challenge'] as const).map((d) => (
                    <div key={d} className="field">
                      <label htmlFor={`mp-dec-${d}`}>{d}</label>
                      <input id={`mp-dec-${d}`} type="text" value={form.decisionValues[d]} onChange={(e) => setForm({ ...form, decisionValues: { ...form.decisionValues, [d]: e.target.value } })} />
                    </div>
                  ))}
                  {shown.decisionValues ? <span className="field-error">{shown.decisionValues}</span> : null}
                </fieldset>
              ) : null}
              {form.columns.scopes ? (
                <div className="field">
                  <label htmlFor="mp-scopesep">Scopes separator</label>
                  <select id="mp-scopesep" value={form.scopesSeparator} onChange={(e) => setForm({ ...form, scopesSeparator: e.target.value })}>
                    {scopeSeparatorChoices.map((c) => (
                      <option key={c.label} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
            {saveError ? <p className="error">Not saved: {saveError}</p> : null}
            {tried && !isValid(errors) ? <p className="error">Fix the marked fields to save.</p> : null}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary" disabled={!preview}>
                Save mapping
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
