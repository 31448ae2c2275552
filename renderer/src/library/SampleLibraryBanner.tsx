// Said on every view while the sample library is open: what it is, that the clerk's own library is
// untouched, and the way back (keeping the sample for another try, or deleting its folder).
interface SampleLibraryBannerProps {
  /** Leaves the sample for the clerk's own library; `deleteSample` removes the sample's folder too. */
  onLeave: (deleteSample: boolean) => void;
  /** Going back is under way: the buttons wait. */
  leaving: boolean;
}

export function SampleLibraryBanner({ onLeave, leaving }: SampleLibraryBannerProps) {
  return (
    <section className="sample-library" aria-label="Sample library">
      <p>
        <strong>This is the sample library:</strong> a council&apos;s published minutes to try Minute Book on, kept in a folder of its own. Your own library
        is closed meanwhile and nothing in it changes.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onLeave(false)} disabled={leaving}>
          Back to my library
        </button>
        <button type="button" onClick={() => onLeave(true)} disabled={leaving}>
          Delete the sample library
        </button>
      </div>
    </section>
  );
}
