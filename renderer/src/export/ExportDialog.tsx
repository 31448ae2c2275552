// Export: choose a form, see the result, then save it (the desktop app's save dialog) or download it
// (in the browser). Every form but the PDF is made here from the meeting as it stands in the window;
// the PDF is printed by the node side from the saved meeting, so the last change is saved first.
import { useEffect, useState, type FormEvent } from 'react';
import { exportFormats, type ExportFormat, type ExportedFile } from '../../../shared/export/exportForm.js';
import { exportForms } from '../../../shared/export/forms.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { Meeting } from '../../../shared/model/meeting.js';
import { api, isDesktop } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import type { MeetingSession } from '../meeting/meetingSession.js';
import { saveFile } from './saveFile.js';

interface ExportDialogProps {
  session: MeetingSession;
  committee: Committee;
  onClose: () => void;
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (character) => character.charCodeAt(0));

interface Choices {
  format: ExportFormat;
  item: number;
  cut: number | null;
  wholeCommittee: boolean;
}

async function makeExport({ format, item, cut, wholeCommittee }: Choices, meeting: Meeting, committee: Committee): Promise<ExportedFile> {
  if (format === 'json' && wholeCommittee) {
    const archive = await api.call('exports:committee-archive', { committeeId: committee.id });
    return { ...archive, mediaType: 'application/json' };
  }
  const render = exportForms[format].render;
  if (render === undefined) {
    const pdf = await api.call('exports:pdf', { meetingId: meeting.id });
    return { fileName: pdf.fileName, mediaType: 'application/pdf', content: fromBase64(pdf.base64) };
  }
  const cutMinutes = cut === null || format !== 'page-text' ? undefined : Object.fromEntries(meeting.items.map((entry) => [entry.minuteNumber, cut]));
  return render({ meeting, committee, item, cutMinutes });
}

function Preview({ file }: { file: ExportedFile }) {
  if (typeof file.content !== 'string') {
    return <p>{`${file.fileName} — ${Math.max(1, Math.round(file.content.length / 1024))} KB, ready to save.`}</p>;
  }
  if (file.mediaType.startsWith('text/html')) return <iframe title="Preview of the export" sandbox="" srcDoc={file.content} className="export-preview" />;
  return <pre className="export-preview" tabIndex={0}>{file.content}</pre>;
}

export function ExportDialog({ session, committee, onClose }: ExportDialogProps) {
  const meeting = session.snapshot();
  const [format, setFormat] = useState<ExportFormat>('formal-html');
  const [item, setItem] = useState(meeting?.items[0]?.minuteNumber ?? 1);
  const [cut, setCut] = useState<number | null>(null);
  const [wholeCommittee, setWholeCommittee] = useState(false);
  // Each result and step says which choices it is for: until the result for the choices now made is
  // in, Download waits (the file saved is always the one chosen) and the dialog says what it is doing.
  const chosen = JSON.stringify([format, item, cut, wholeCommittee]);
  const [result, setResult] = useState<{ for: string | null; file: ExportedFile | null; error: unknown }>({ for: null, file: null, error: null });
  const [step, setStep] = useState<{ for: string; words: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The PDF and the committee's archive come from the saved meetings: the last change is saved first.
  const fromSaved = format === 'pdf' || (format === 'json' && wholeCommittee);
  const making = format === 'pdf' ? 'Printing the PDF…' : `Preparing ${exportForms[format].label}…`;
  const preparing = result.for === chosen ? null : step?.for === chosen ? step.words : fromSaved ? 'Saving the last change…' : making;

  useEffect(() => {
    let current = true;
    const snapshot = session.snapshot();
    if (snapshot === null) return;
    const ready = fromSaved ? session.autosaver.flush() : Promise.resolve();
    ready
      .then(() => {
        if (current) setStep({ for: chosen, words: making });
        return makeExport({ format, item, cut, wholeCommittee }, snapshot, committee);
      })
      .then(
        (file) => current && setResult({ for: chosen, file, error: null }),
        (error: unknown) => current && setResult({ for: chosen, file: null, error }),
      );
    return () => {
      current = false;
    };
  }, [session, committee, format, item, cut, wholeCommittee, chosen, fromSaved, making]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const file = result.file;
    if (file === null) return;
    try {
      const savedTo = await saveFile(file);
      if (!isDesktop) onClose();
      else if (savedTo !== null) setSaved(savedTo);
    } catch (error) {
      setResult({ for: chosen, file, error });
    }
  };

  return (
    <Modal title="Export minutes" onClose={onClose}>
      <form onSubmit={save} className="form-grid export-dialog">
        <label>
          Form
          <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {exportFormats.map((value) => (
              <option key={value} value={value}>
                {exportForms[value].label}
              </option>
            ))}
          </select>
        </label>
        {exportForms[format].needsItem && (
          <label>
            Item
            <select value={item} onChange={(event) => setItem(Number(event.target.value))}>
              {meeting?.items.map((entry) => (
                <option key={entry.id} value={entry.minuteNumber}>
                  {entry.minuteNumber}. {entry.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {format === 'page-text' && (
          <label>
            Cut minutes longer than (characters)
            <input
              type="number"
              min={1}
              placeholder="No cut"
              value={cut ?? ''}
              onChange={(event) => setCut(Number.parseInt(event.target.value, 10) || null)}
            />
          </label>
        )}
        {format === 'json' && (
          <label className="check">
            <input type="checkbox" checked={wholeCommittee} onChange={(event) => setWholeCommittee(event.target.checked)} />
            Every meeting of {committee.name}
          </label>
        )}
        <section aria-label="Preview" className="export-preview-area" aria-busy={preparing !== null}>
          {preparing === null ? result.file && <Preview file={result.file} /> : <progress aria-label={preparing} />}
        </section>
        <p role="status" className="export-progress">
          {preparing}
        </p>
        <ErrorMessage error={preparing === null ? result.error : null} />
        {saved && <p role="status">Saved to {saved}</p>}
        <DialogButtons submitLabel={isDesktop ? 'Save…' : 'Download'} onCancel={onClose} disabled={result.file === null || preparing !== null} />
      </form>
    </Modal>
  );
}
