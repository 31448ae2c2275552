// The window: the library on the left, the open meeting on the right, and the dialogs that create
// committees and meetings.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LibraryOverview, RecoveredChanges, RecoveryJournal } from '../../shared/contract.js';
import type { Committee } from '../../shared/model/committee.js';
import { summarise, type Meeting, type MeetingSummary } from '../../shared/model/meeting.js';
import { api, callWhileLeaving, onMenuCommand } from './api.js';
import { ErrorMessage } from './common/ErrorMessage.js';
import { CommitteeDialog } from './library/CommitteeDialog.js';
import { LibrarySidebar } from './library/LibrarySidebar.js';
import { NewMeetingDialog } from './library/NewMeetingDialog.js';
import { ImportDialog } from './import/ImportDialog.js';
import { droppedFiles } from './import/droppedFiles.js';
import { MeetingView } from './meeting/MeetingView.js';
import { RegistersView } from './registers/RegistersView.js';
import { SearchView, type MinuteToOpen } from './search/SearchView.js';
import { OpenMeeting } from './meeting/openMeeting.js';
import { RecoveryDialog } from './meeting/RecoveryDialog.js';

type Dialog =
  | { kind: 'committee'; committee?: Committee }
  | { kind: 'meeting'; committeeId: string | null }
  | { kind: 'import'; files: File[] }
  | null;

const sendJournal = (journal: RecoveryJournal, { keepalive }: { keepalive: boolean }) =>
  keepalive ? callWhileLeaving('recovery:write', journal) : api.call('recovery:write', journal);

export function App() {
  const [library, setLibrary] = useState<LibraryOverview | null>(null);
  // Saves land while the clerk types: one that leaves the meeting's summary as it was must not re-render the window.
  const remember = useCallback((summary: MeetingSummary) => {
    setLibrary((old) => {
      if (old === null) return old;
      const at = old.meetings.findIndex((meeting) => meeting.id === summary.id);
      if (at >= 0 && JSON.stringify(old.meetings[at]) === JSON.stringify(summary)) return old;
      return { ...old, meetings: at < 0 ? [...old.meetings, summary] : old.meetings.map((meeting, index) => (index === at ? summary : meeting)) };
    });
  }, []);
  // The one owner of the open meeting: the view shows only what its latest load gave.
  const [meetings] = useState(() => new OpenMeeting({ load: (meetingId) => api.call('meetings:load', { meetingId }), onSaved: remember, sendJournal }));
  const open = useSyncExternalStore(meetings.subscribe, meetings.getState);
  const openSession = open.kind === 'open' ? open.session : null;
  // Unsaved changes a closed tab or a crash left behind, and notes on journals set aside.
  const [recovery, setRecovery] = useState<{ recovered: RecoveredChanges[]; notes: string[] }>({ recovered: [], notes: [] });
  // What the workspace shows: the open meeting, search results, or the registers.
  const [workspace, setWorkspace] = useState<{ kind: 'meeting' } | { kind: 'search'; query: string } | { kind: 'registers' }>({ kind: 'meeting' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const filePicker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api
      .call('library:open', {})
      .then((overview) => {
        setLibrary(overview);
        return api.call('recovery:list', {});
      })
      .then(setRecovery, setError);
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'new-meeting') setDialog({ kind: 'meeting', committeeId: openSession?.meeting.committeeId ?? null });
        if (command === 'import') filePicker.current?.click();
      }),
    [openSession],
  );

  // Files or folders dropped anywhere on the window are imported.
  useEffect(() => {
    const allowDrop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      void droppedFiles(event.dataTransfer).then((files) => files.length > 0 && setDialog({ kind: 'import', files }));
    };
    window.addEventListener('dragover', allowDrop);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', allowDrop);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const openMeeting = async (meetingId: string, focusItemId: string | null = null, restore: RecoveredChanges | null = null) => {
    try {
      setError(null);
      setWorkspace({ kind: 'meeting' });
      await meetings.open(meetingId, { focusItemId, restore });
    } catch (failure) {
      setError(failure);
      // A meeting whose file could not be read has been set aside: show the library as it now is.
      setLibrary(await api.call('library:open', {}));
    }
  };

  const committeeSaved = (committee: Committee) => {
    setLibrary((old) => {
      if (old === null) return old;
      const known = old.committees.some((existing) => existing.id === committee.id);
      const committees = known ? old.committees.map((existing) => (existing.id === committee.id ? committee : existing)) : [...old.committees, committee];
      return { ...old, committees };
    });
    setDialog(null);
  };

  // Going to search or the registers leaves the meeting: it is saved and closed, and opened fresh on return.
  const showWorkspace = (next: { kind: 'search'; query: string } | { kind: 'registers' }) => {
    void meetings.close();
    setWorkspace(next);
  };

  const restoreChanges = (changes: RecoveredChanges) => {
    setRecovery((old) => ({ ...old, recovered: old.recovered.filter((other) => other !== changes) }));
    void openMeeting(changes.meetingId, null, changes);
  };

  const discardChanges = (changes: RecoveredChanges) => {
    setRecovery((old) => ({ ...old, recovered: old.recovered.filter((other) => other !== changes) }));
    api.call('recovery:discard', { meetingId: changes.meetingId }).catch(setError);
  };

  const meetingCreated = (meeting: Meeting) => {
    setWorkspace({ kind: 'meeting' });
    meetings.opened(meeting);
    setLibrary((old) => old && { ...old, meetings: [...old.meetings.filter((m) => m.id !== meeting.id), summarise(meeting)] });
    setDialog(null);
  };

  if (library === null) {
    return error ? <ErrorMessage error={error} /> : <p className="loading">Opening the library…</p>;
  }
  const committee = openSession ? library.committees.find((candidate) => candidate.id === openSession.meeting.committeeId) : undefined;
  const problems = [...library.problems.map((problem) => problem.message), ...recovery.notes];
  const openMinute = (minute: MinuteToOpen) => void openMeeting(minute.meetingId, minute.itemId);

  return (
    <div className="app">
      <LibrarySidebar
        committees={library.committees}
        meetings={library.meetings}
        openMeetingId={workspace.kind === 'meeting' ? meetings.meetingId : null}
        onSearch={(query) => showWorkspace({ kind: 'search', query })}
        onRegisters={() => showWorkspace({ kind: 'registers' })}
        onOpenMeeting={(id) => void openMeeting(id)}
        onNewCommittee={() => setDialog({ kind: 'committee' })}
        onImport={() => filePicker.current?.click()}
        onEditCommittee={(committee) => setDialog({ kind: 'committee', committee })}
        onNewMeeting={(committeeId) => setDialog({ kind: 'meeting', committeeId })}
      />
      <main className="workspace">
        {library.readOnly !== null && (
          <p role="status" className="library-read-only">
            {library.readOnly}
          </p>
        )}
        {problems.length > 0 && (
          <section role="alert" className="problems" aria-label="Files that could not be read">
            <h2>Some files could not be read</h2>
            <ul>
              {problems.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </section>
        )}
        <ErrorMessage error={error} />
        {workspace.kind === 'search' ? (
          <SearchView query={workspace.query} library={library} onOpen={openMinute} />
        ) : workspace.kind === 'registers' ? (
          <RegistersView library={library} onOpen={openMinute} />
        ) : open.kind === 'loading' ? (
          <p className="loading">Opening the meeting…</p>
        ) : open.kind === 'open' && committee ? (
          <MeetingView
            key={open.generation}
            session={open.session}
            focusItemId={open.focusItemId}
            restore={open.restore}
            committee={committee}
            library={library.meetings}
            libraryReadOnly={library.readOnly}
            onOpenMinute={openMinute}
          />
        ) : (
          <div className="empty-workspace">
            <h1>Minute Book</h1>
            <p className="hint">
              {library.committees.length === 0 ? 'Create a committee to begin.' : 'Open a meeting from the library, or create a new one.'}
            </p>
          </div>
        )}
      </main>
      <input
        ref={filePicker}
        type="file"
        multiple
        hidden
        aria-label="Files to import"
        accept=".txt,.md,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) setDialog({ kind: 'import', files });
        }}
      />
      {dialog?.kind === 'import' && (
        <ImportDialog
          files={dialog.files}
          library={library}
          onClose={() => setDialog(null)}
          onImported={(next) => {
            const before = library.meetings;
            setLibrary(next);
            // An import that replaced the open meeting: show it as it now is.
            meetings.libraryChanged(before, next.meetings).catch(setError);
          }}
        />
      )}
      {recovery.recovered.length > 0 && (
        <RecoveryDialog recovered={recovery.recovered} library={library} onRestore={restoreChanges} onDiscard={discardChanges} />
      )}
      {dialog?.kind === 'committee' && (
        <CommitteeDialog committee={dialog.committee} onClose={() => setDialog(null)} onSaved={committeeSaved} />
      )}
      {dialog?.kind === 'meeting' && (
        <NewMeetingDialog
          committees={library.committees}
          committeeId={dialog.committeeId}
          onClose={() => setDialog(null)}
          onCreated={meetingCreated}
        />
      )}
    </div>
  );
}
