// Said on every view while the sample library is open: what it is, that the clerk's own library is
// untouched and that what is made here stays here, and the way back (keeping the sample for another
// try, or deleting its folder, asked first: a clerk may have tried real work in it).
import { useState, type FormEvent } from 'react';
import { counted } from '../../../shared/clerkWords.js';
import { DialogButtons, Modal } from '../common/Modal.js';

interface SampleLibraryBannerProps {
  /** Leaves the sample for the clerk's own library; `deleteSample` removes the sample's folder too. */
  onLeave: (deleteSample: boolean) => Promise<void>;
  /** Going back is under way: the buttons wait. */
  leaving: boolean;
  /** What the sample holds now, said before it is deleted. */
  meetings: number;
  committees: number;
}

export function SampleLibraryBanner({ onLeave, leaving, meetings, committees }: SampleLibraryBannerProps) {
  const [confirming, setConfirming] = useState(false);
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setConfirming(false);
    await onLeave(true);
  };
  return (
    <section className="sample-library" aria-label="Sample library">
      <p>
        <strong>This is the sample library.</strong>{' '}
        <span className="sample-detail">
          A council&apos;s published minutes to try Minute Book on, kept in a folder of its own. Your own library is closed meanwhile and nothing in it changes;
          what you create or import here stays in the sample.
        </span>
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void onLeave(false)} disabled={leaving}>
          Back to my library
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={leaving}>
          Delete the sample library…
        </button>
      </div>
      {confirming && (
        <Modal title="Delete the sample library?" onClose={() => setConfirming(false)}>
          <form onSubmit={confirm} className="form-grid">
            <p>
              The sample library and all it holds — {counted(committees, 'committee', 'committees')} and {counted(meetings, 'meeting', 'meetings')}, with anything you
              added or imported into it — are removed from this computer. Your own library is not touched. The sample can be opened again, afresh.
            </p>
            <DialogButtons submitLabel="Delete the sample library" onCancel={() => setConfirming(false)} />
          </form>
        </Modal>
      )}
    </section>
  );
}
