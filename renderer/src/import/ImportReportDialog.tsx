// The report an imported meeting keeps (importedFrom.report): what the import took as given, its
// warnings, and every line of the file it could not place, so the clerk can check the record against
// the file at any time after the import.
import type { Meeting } from '../../../shared/model/meeting.js';
import { Modal } from '../common/Modal.js';

interface ImportReportDialogProps {
  importedFrom: NonNullable<Meeting['importedFrom']>;
  onClose: () => void;
}

export function ImportReportDialog({ importedFrom, onClose }: ImportReportDialogProps) {
  const report = importedFrom.report ?? { unplaced: [], warnings: [], guesses: [] };
  const section = (title: string, entries: readonly string[]) => (
    <section aria-label={title}>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {entries.map((entry, at) => (
            <li key={at}>{entry}</li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <Modal title={`Import report: ${importedFrom.file}`} onClose={onClose}>
      <div className="import-report">
        <p>
          Imported {new Date(importedFrom.importedAt).toLocaleString('en-GB')} from {importedFrom.file} ({importedFrom.form}).
        </p>
        {section('Taken as given', report.guesses)}
        {section('Warnings', report.warnings)}
        {section(
          'Lines not placed',
          report.unplaced.map((line) => `Line ${line.line}: ${line.text}`),
        )}
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
