// What an empty library offers on first start: the sample library (the council's published minutes the
// app was built from, with the next meeting drafted) to try Minute Book on, or the clerk's own archive.
interface FirstStartProps {
  onSample: () => void;
  onImport: () => void;
  /** The sample is being imported: its button waits, and says so. */
  opening: boolean;
}

export function FirstStart({ onSample, onImport, opening }: FirstStartProps) {
  return (
    <section className="first-start" aria-labelledby="first-start-heading">
      <h2 id="first-start-heading">Your library is empty</h2>
      <p>
        Try Minute Book on a council&apos;s published minutes — five meetings of a scrutiny board, and its next meeting drafted for you, in a sample
        library kept apart from yours — or bring in your own published minutes (or drop their files on this window). You can also create a committee
        from the library on the left.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onSample} disabled={opening}>
          {opening ? 'Opening the sample library…' : 'Open the sample library'}
        </button>
        <button type="button" onClick={onImport}>
          Import your published minutes
        </button>
      </div>
    </section>
  );
}
