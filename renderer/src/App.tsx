// The window: the library on the left, the open meeting on the right, and the dialogs that create
// committees and meetings.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryOverview } from '../../shared/contract.js';
import type { Committee } from '../../shared/model/committee.js';
import { summarise, type Meeting, type MeetingSummary } from '../../shared/model/meeting.js';
import { api, onMenuCommand } from './api.js';
import { ErrorMessage } from './common/ErrorMessage.js';
import { CommitteeDialog } from './library/CommitteeDialog.js';
import { LibrarySidebar } from './library/LibrarySidebar.js';
import { NewMeetingDialog } from './library/NewMeetingDialog.js';
import { ImportDialog } from './import/ImportDialog.js';
import { droppedFiles } from './import/droppedFiles.js';
import { MeetingView } from './meeting/MeetingView.js';
import { RegistersView } from './registers/RegistersView.js';
import { SearchView, type MinuteToOpen } from './search/SearchView.js';
import { savesOfClosedMeetings } from './meeting/meetingSession.js';

type Dialog =
  | { kind: 'committee'; committee?: Committee }
  | { kind: 'meeting'; committeeId: string | null }
  | { kind: 'import'; files: File[] }
  | null;

export function App() {
  const [library, setLibrary] = useState<LibraryOverview | null>(null);
  const [open, setOpen] = useState<{ meeting: Meeting; focusItemId: string | null } | null>(null);
  // What the workspace shows: the open meeting, search results, or the registers.
  const [workspace, setWorkspace] = useState<{ kind: 'meeting' } | { kind: 'search'; query: string } | { kind: 'registers' }>({ kind: 'meeting' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const filePicker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.call('library:open', {}).then(setLibrary, setError);
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'new-meeting') setDialog({ kind: 'meeting', committeeId: open?.meeting.committeeId ?? null });
        if (command === 'import') filePicker.current?.click();
      }),
    [open],
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

  const remember = useCallback((summary: MeetingSummary) => {
    setLibrary((old) => old && { ...old, meetings: [...old.meetings.filter((meeting) => meeting.id !== summary.id), summary] });
  }, []);

  const openMeeting = async (meetingId: string, focusItemId: string | null = null) => {
    try {
      setError(null);
      setWorkspace({ kind: 'meeting' });
      await savesOfClosedMeetings();
      setOpen({ meeting: await api.call('meetings:load', { meetingId }), focusItemId });
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

  const meetingCreated = (meeting: Meeting) => {
    setWorkspace({ kind: 'meeting' });
    setOpen({ meeting, focusItemId: null });
    setLibrary((old) => old && { ...old, meetings: [...old.meetings.filter((m) => m.id !== meeting.id), summarise(meeting)] });
    setDialog(null);
  };

  if (library === null) {
    return error ? <ErrorMessage error={error} /> : <p className="loading">Opening the library…</p>;
  }
  const committee = open ? library.committees.find((candidate) => candidate.id === open.meeting.committeeId) : undefined;
  const openMinute = (minute: MinuteToOpen) => void openMeeting(minute.meetingId, minute.itemId);

  return (
    <div className="app">
      <LibrarySidebar
        committees={library.committees}
        meetings={library.meetings}
        openMeetingId={workspace.kind === 'meeting' ? (open?.meeting.id ?? null) : null}
        onSearch={(query) => setWorkspace({ kind: 'search', query })}
        onRegisters={() => setWorkspace({ kind: 'registers' })}
        onOpenMeeting={(id) => void openMeeting(id)}
        onNewCommittee={() => setDialog({ kind: 'committee' })}
        onImport={() => filePicker.current?.click()}
        onEditCommittee={(committee) => setDialog({ kind: 'committee', committee })}
        onNewMeeting={(committeeId) => setDialog({ kind: 'meeting', committeeId })}
      />
      <main className="workspace">
        {library.problems.length > 0 && (
          <section role="alert" className="problems" aria-label="Files that could not be read">
            <h2>Some files could not be read</h2>
            <ul>
              {library.problems.map((problem) => (
                <li key={problem.file + problem.message}>{problem.message}</li>
              ))}
            </ul>
          </section>
        )}
        <ErrorMessage error={error} />
        {workspace.kind === 'search' ? (
          <SearchView query={workspace.query} library={library} onOpen={openMinute} />
        ) : workspace.kind === 'registers' ? (
          <RegistersView library={library} onOpen={openMinute} />
        ) : open && committee ? (
          <MeetingView
            key={`${open.meeting.id}:${open.focusItemId ?? ''}`}
            meeting={open.meeting}
            focusItemId={open.focusItemId}
            committee={committee}
            library={library.meetings}
            onSaved={remember}
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
          onImported={(next) => setLibrary(next)}
        />
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
