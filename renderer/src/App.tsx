// The window: the library on the left, the open meeting on the right (with another meeting or an
// earlier version beside it when the clerk asks), and the dialogs that create committees and meetings.
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { MinuteBookError, type LibraryOverview, type RecoveredChanges, type RecoveryJournal } from '../../shared/contract.js';
import { committeeAsRecorded } from '../../shared/lifecycle/recorded.js';
import { showTheme } from './common/theme.js';
import type { Committee } from '../../shared/model/committee.js';
import { summarise, type Meeting, type MeetingSummary } from '../../shared/model/meeting.js';
import { api, callWhileLeaving, isDesktop, onMenuCommand } from './api.js';
import { FirstStart } from './library/FirstStart.js';
import { SampleLibraryBanner } from './library/SampleLibraryBanner.js';
import { ConnectionStatus } from './common/ConnectionStatus.js';
import { ErrorMessage } from './common/ErrorMessage.js';
import { aDialogIsOpen, focusable } from './common/Modal.js';
import { connection } from './nodeSideConnection.js';
import { CommitteeDialog } from './library/CommitteeDialog.js';
import { LibrarySidebar } from './library/LibrarySidebar.js';
import { NewMeetingDialog } from './library/NewMeetingDialog.js';
import { ImportDialog } from './import/ImportDialog.js';
import { droppedFiles } from './import/droppedFiles.js';
import { chooseFilesToImport, takeOpenedFiles, type FilesGiven } from './import/filesFromNode.js';
import { IMPORTABLE_ACCEPT } from '../../shared/import/importableFiles.js';
import { dispatchMenuMessage, meetingOpen, type MenuActions, type MeetingCommand } from './menu/menuActions.js';
import { MeetingView } from './meeting/MeetingView.js';
import { RegistersView } from './registers/RegistersView.js';
import { SearchView, type MinuteToOpen } from './search/SearchView.js';
import { OpenMeeting } from './meeting/openMeeting.js';
import { RecoveryDialog } from './meeting/RecoveryDialog.js';
import { CompareDialog } from './compare/CompareDialog.js';
import { ComparisonView } from './compare/ComparisonView.js';
import { keepLayout, readLayout, type Layout } from './compare/layout.js';
import { SideBySide } from './compare/SideBySide.js';
import { MEETING_DRAG_TYPE } from './library/LibrarySidebar.js';
import { VersionsDialog } from './history/VersionsDialog.js';
import { BinView } from './housekeeping/BinView.js';
import { DeleteMeetingDialog, DuplicateMeetingDialog } from './housekeeping/HousekeepingDialogs.js';
import { PreferencesDialog } from './housekeeping/PreferencesDialog.js';
import { formatProseDate, formatSavedAt } from '../../shared/dates.js';
import type { MeetingSession } from './meeting/meetingSession.js';
import { meetingKeys, pressed } from './editor/shortcuts.js';
import { ShortcutsSheet } from './editor/ShortcutsSheet.js';

/** A place Back and Forward return to: a meeting at an item, or a search. */
type Place = { kind: 'meeting'; meetingId: string; itemId: string | null } | { kind: 'search'; query: string };

type Dialog =
  | { kind: 'committee'; committee?: Committee }
  | { kind: 'meeting'; committeeId: string | null }
  | { kind: 'import'; files: File[] }
  | { kind: 'compare' }
  | { kind: 'versions' }
  | { kind: 'preferences' }
  | { kind: 'shortcuts'; opener: HTMLElement | null }
  | { kind: 'duplicate' | 'delete'; meeting: MeetingSummary }
  | null;

/** The regions F6 moves between, in order: the library, then each pane. */
const regionSelector = '.sidebar, .workspace [data-pane], .workspace > :is(.meeting, .search-view, .registers-view, .bin-view)';

/** Whether the focus has fallen to the page, or to the workspace itself (where focusFromThePage leaves it while a meeting opens). */
const focusHasFallen = (): boolean => document.activeElement === null || document.activeElement === document.body || document.activeElement.tagName === 'MAIN';

/**
 * Focus fallen to the page (what had it has gone) goes to the minutes; with none open, to the
 * workspace's first control (the empty library's "Open the sample library"), else the library's;
 * while a meeting is still opening, to the workspace, from where the minutes take it once open.
 */
function focusFromThePage(): void {
  if (document.activeElement !== document.body || aDialogIsOpen()) return;
  const main = document.querySelector<HTMLElement>('main');
  const target =
    document.querySelector<HTMLElement>('.meeting .ProseMirror') ??
    (document.querySelector('.meeting, main .loading') === null ? (main?.querySelector<HTMLElement>(focusable) ?? document.querySelector<HTMLElement>(`.sidebar :is(${focusable})`)) : null) ??
    main;
  if (target?.tagName === 'MAIN') target.tabIndex = -1;
  target?.focus();
}

/** Moves focus to the next (or previous) region, into its editor where it has one. */
function focusNextRegion(backwards: boolean): void {
  const regions = [...document.querySelectorAll<HTMLElement>(regionSelector)];
  if (regions.length === 0) return;
  const at = regions.findIndex((region) => region.contains(document.activeElement));
  const next = regions[(at + (backwards ? -1 : 1) + regions.length) % regions.length]!;
  const target = next.querySelector<HTMLElement>('.ProseMirror') ?? next;
  if (target === next && !next.hasAttribute('tabindex')) next.tabIndex = -1;
  target.focus();
}

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
  const [services] = useState(() => ({
    load: (meetingId: string, revision: number | null) =>
      revision === null ? api.call('meetings:load', { meetingId }) : api.call('history:open', { meetingId, revision }),
    onSaved: remember,
    sendJournal,
  }));
  const [meetings] = useState(() => new OpenMeeting(services));
  const open = useSyncExternalStore(meetings.subscribe, meetings.getState);
  const openSession = open.kind === 'open' ? open.session : null;
  // What stands beside the open meeting: another meeting, or a version of this one.
  const [companion] = useState(() => new OpenMeeting(services));
  const beside = useSyncExternalStore(companion.subscribe, companion.getState);
  // As the window closed: read once, before this window's own layout is kept over it.
  const [keptAtStart] = useState(() => readLayout());
  const [layout, setLayout] = useState<Layout>(keptAtStart);
  const changeLayout = useCallback((change: Partial<Layout>) => setLayout((old) => ({ ...old, ...change })), []);
  // Kept with the meeting on the left, so both panes open again at the next start.
  const leftMeetingId = open.kind === 'none' ? null : meetings.meetingId;
  useEffect(() => keepLayout({ ...layout, meetingId: leftMeetingId }), [layout, leftMeetingId]);
  const [editors, setEditors] = useState<{ left: EditorView | null; right: EditorView | null }>({ left: null, right: null });
  const leftEditor = useCallback((view: EditorView | null) => setEditors((old) => ({ ...old, left: view })), []);
  const rightEditor = useCallback((view: EditorView | null) => setEditors((old) => ({ ...old, right: view })), []);
  const [activePane, setActivePane] = useState<'left' | 'right'>('left');
  const [dropSide, setDropSide] = useState<'left' | 'right' | null>(null);
  // A restore just made, which the clerk may take back: the revision the meeting was at before it.
  const [undoableRestore, setUndoableRestore] = useState<{ meetingId: string; revision: number } | null>(null);
  // Unsaved changes a closed tab or a crash left behind, and notes on journals set aside.
  const [recovery, setRecovery] = useState<{ recovered: RecoveredChanges[]; notes: string[] }>({ recovered: [], notes: [] });
  // What the workspace shows: the open meeting, search results, or the registers.
  const [workspace, setWorkspace] = useState<{ kind: 'meeting' } | { kind: 'search'; query: string } | { kind: 'registers' } | { kind: 'bin' }>({ kind: 'meeting' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const filePicker = useRef<HTMLInputElement>(null);

  /** Files the node side read for the window: offered to import, with a word about any it could not read. */
  const importGiven = useCallback(({ files, problem }: FilesGiven) => {
    if (problem !== null) setError(new Error(problem));
    if (files.length > 0) setDialog({ kind: 'import', files });
  }, []);

  /** Import…: the desktop app's open dialog, or the browser's own file chooser. */
  const startImport = useCallback(() => {
    if (isDesktop) chooseFilesToImport().then(importGiven, setError);
    else filePicker.current?.click();
  }, [importGiven]);

  useEffect(() => {
    let stopped = false;
    const opened = (overview: LibraryOverview): Promise<void> => {
      setLibrary(overview);
      // The meetings open when the window closed open again as they were, beside each other if they were.
      const kept = keptAtStart;
      const holds = (id: string | null) => overview.meetings.some((meeting) => meeting.id === id);
      if (holds(kept.meetingId)) void meetings.open(kept.meetingId!).catch(setError);
      if (kept.beside !== null && holds(kept.meetingId) && holds(kept.beside.meetingId)) {
        void companion.open(kept.beside.meetingId, { revision: kept.beside.revision }).catch(() => setLayout((old) => ({ ...old, beside: null })));
      } else if (kept.beside !== null) {
        setLayout((old) => ({ ...old, beside: null }));
      }
      // Files double-clicked to start the desktop app are offered to import once the library is open.
      if (isDesktop) void takeOpenedFiles().then(importGiven, setError);
      return api.call('recovery:list', {}).then(setRecovery, setError);
    };
    const openLibrary = (): Promise<void> =>
      api.call('library:open', {}).then(opened, (failure: unknown) => {
        setError(failure);
        // The node side not reached yet (the bridge starting or restarting): open the library once it answers.
        if (failure instanceof MinuteBookError && failure.code === 'unavailable') {
          void connection.whenConnected().then(() => {
            if (stopped) return;
            setError(null);
            return openLibrary();
          });
        }
      });
    void openLibrary();
    return () => {
      stopped = true;
    };
  }, [meetings, companion, keptAtStart, importGiven]);

  // Coming back to this window, the library is read again: another window (or the command line) may
  // have circulated, agreed or signed a meeting shown here, which then opens again as it now is —
  // unless words typed here are still being saved, whose own save then says what happened.
  useEffect(() => {
    const comeBack = () => {
      if (document.visibilityState !== 'visible') return;
      api.call('library:open', {}).then((overview) => {
        setLibrary(overview);
        for (const pane of [meetings, companion]) {
          const session = pane.session;
          // Words still being saved stay; words whose save was refused are kept aside already (the journal), so the minutes may open as they now are.
          if (session === null || pane.revision !== null) continue;
          const saving = session.autosaver.getState().kind;
          if (saving === 'unsaved' || saving === 'saving') continue;
          const now = overview.meetings.find((summary) => summary.id === session.meeting.id);
          const before = summarise(session.meeting);
          if (now !== undefined && (now.status !== before.status || now.signed !== before.signed || now.published !== before.published || now.agreedAt !== before.agreedAt)) {
            void pane.open(session.meeting.id).catch(setError);
          }
        }
      }, () => undefined);
    };
    window.addEventListener('focus', comeBack);
    document.addEventListener('visibilitychange', comeBack);
    return () => {
      window.removeEventListener('focus', comeBack);
      document.removeEventListener('visibilitychange', comeBack);
    };
  }, [meetings, companion]);

  // Signed records are checked against their signatures after the library opens: follow the check until it is done.
  const checking = library?.checking ?? null;
  useEffect(() => {
    if (checking === null) return;
    const timer = setTimeout(() => {
      api.call('library:open', {}).then(setLibrary, setError);
    }, 1000);
    return () => clearTimeout(timer);
  }, [checking]);

  // The pane the clerk works in takes the menu's commands.
  useEffect(() => {
    const focusIn = (event: FocusEvent) => {
      const pane = (event.target as Element | null)?.closest?.('[data-pane]')?.getAttribute('data-pane');
      if (pane === 'left' || pane === 'right') setActivePane(pane);
    };
    // F6 moves between the library and the panes, as in Word and Windows' own windows.
    const keys = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      focusNextRegion(event.shiftKey);
    };
    window.addEventListener('focusin', focusIn);
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('focusin', focusIn);
      window.removeEventListener('keydown', keys);
    };
  }, []);

  // The application menu's commands, carried out by the table below (menuActions.current), which is set after each render.
  const menuActions = useRef<MenuActions | null>(null);
  /** A meeting command given with no meeting open: the shortcuts sheet, or what to do first in words, never nothing. */
  const withoutMeeting = (command: MeetingCommand) => {
    if (command === 'shortcuts') return setDialog({ kind: 'shortcuts', opener: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    // Edit → Undo in the search box or a committee's field: Chromium's own, as in a meeting's fields.
    if (command === 'undo' || command === 'redo') return void document.execCommand(command);
    const first = {
      print: 'To print minutes, open the meeting first: choose it in the library on the left.',
      export: 'To export minutes, open the meeting first: choose it in the library on the left.',
      compare: 'To compare two meetings, open one of them first, then choose Compare With….',
      find: 'To find words in a meeting, open the meeting first. To look through every meeting, use Search minutes in the library on the left.',
      replace: 'To replace words in a meeting, open the meeting first: choose it in the library on the left.',
      save: null, // Nothing is open, so everything is saved already.
    }[command];
    if (first !== null) setError(new Error(first));
  };
  useEffect(
    () =>
      onMenuCommand((message) => {
        if (menuActions.current !== null) dispatchMenuMessage(menuActions.current, message);
      }),
    [],
  );
  // With no meeting open, F1 and Ctrl+P are the window's (in a meeting, its view takes them).
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (meetingOpen() || event.defaultPrevented || document.querySelector('dialog[open]') !== null) return;
      const command = pressed(event, meetingKeys.shortcuts.key) ? 'shortcuts' : pressed(event, 'Mod-p') ? 'print' : null;
      if (command === null) return;
      event.preventDefault();
      menuActions.current?.withoutMeeting(command);
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, []);

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

  const closeBeside = useCallback(() => {
    void companion.close();
    setLayout((old) => ({ ...old, beside: null, differences: false }));
  }, [companion]);

  // First start: the sample library (a folder of its own, the clerk's library closed meanwhile), opened on its drafted next meeting.
  const [openingSample, setOpeningSample] = useState(false);
  const focusOnceSwitched = useRef(false);
  // A dialog closed: once react-aria has given focus back to what opened it (in a frame), focus that
  // found nothing to go back to (the opener went with the change: a committee created, a meeting binned) is taken up.
  useEffect(() => {
    if (dialog === null) requestAnimationFrame(() => requestAnimationFrame(focusFromThePage));
  }, [dialog]);
  useEffect(() => {
    if (!focusOnceSwitched.current || aDialogIsOpen()) return;
    focusOnceSwitched.current = false;
    (document.querySelector<HTMLElement>(`main :is(${focusable})`) ?? document.querySelector<HTMLElement>('main'))?.focus();
  }, [library]);
  const switchLibrary = async (change: () => Promise<{ library: LibraryOverview; meetingId: string | null }>) => {
    setOpeningSample(true);
    try {
      setError(null);
      // What is open is saved and closed first: its library is about to close.
      await meetings.close();
      closeBeside();
      setWorkspace({ kind: 'meeting' });
      const next = await change();
      // Back and Forward name meetings of the library left.
      trail.current = { back: [], forward: [] };
      setLibrary(next.library);
      if (next.meetingId !== null) await meetings.open(next.meetingId);
      // The button pressed went with the banner: the library's first control takes the focus once it shows.
      else focusOnceSwitched.current = true;
    } catch (failure) {
      setError(failure);
    } finally {
      setOpeningSample(false);
    }
  };
  const openSample = () =>
    switchLibrary(async () => {
      const opened = await api.call('library:open-sample', {});
      return { library: opened.library, meetingId: opened.draftId };
    });
  const leaveSample = (deleteSample: boolean) => switchLibrary(async () => ({ library: await api.call('library:leave-sample', { deleteSample }), meetingId: null }));

  const openMeeting = async (meetingId: string, focusItemId: string | null = null, restore: RecoveredChanges | null = null) => {
    try {
      setError(null);
      setWorkspace({ kind: 'meeting' });
      // One meeting is never open in both panes: two editors of one draft would each save over the other.
      if (companion.meetingId === meetingId && companion.revision === null) closeBeside();
      await meetings.open(meetingId, { focusItemId, restore });
      // Reading signed minutes checks their signature again: a file changed since the library opened is shown as changed.
      if (library?.meetings.find((meeting) => meeting.id === meetingId)?.signed === true) setLibrary(await api.call('library:open', {}));
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

  /** Opens a meeting (or, with `revision`, a version of it) in the right pane, beside the open meeting. */
  const openBeside = async (meetingId: string, revision: number | null = null, focusItemId: string | null = null, differences = false) => {
    setError(null);
    if (meetings.meetingId === null) return openMeeting(meetingId, focusItemId);
    if (meetingId === meetings.meetingId && revision === null) {
      setError(new Error('This meeting is already open on the left. To see an earlier version beside it, use Versions….'));
      return;
    }
    setWorkspace({ kind: 'meeting' });
    setLayout((old) => ({ ...old, beside: { meetingId, revision }, differences }));
    try {
      await companion.open(meetingId, { revision, focusItemId });
    } catch (failure) {
      setError(failure);
      setLayout((old) => ({ ...old, beside: null }));
    }
  };

  const swapSides = async () => {
    const left = meetings.meetingId;
    const right = companion.meetingId;
    if (left === null || right === null) return;
    const rightRevision = companion.revision;
    const leftRevision = meetings.revision;
    setLayout((old) => ({ ...old, beside: { meetingId: left, revision: leftRevision } }));
    await Promise.all([meetings.open(right, { revision: rightRevision }), companion.open(left, { revision: leftRevision })]).catch(setError);
  };

  // Going to search or the registers leaves the meeting: it is saved and closed, and opened fresh on return.
  const showWorkspace = (next: { kind: 'search'; query: string } | { kind: 'registers' } | { kind: 'bin' }) => {
    void meetings.close();
    closeBeside();
    setWorkspace(next);
  };

  /**
   * Restores an earlier version of the open draft (from its history, or a copy kept under replaced/)
   * as its next revision; when `undoable`, the restore can itself be taken back.
   */
  const restoreVersion = async (from: { revision: number } | { copy: string }, undoable = true) => {
    const session = meetings.session;
    if (session === null) return;
    setDialog(null);
    try {
      await session.autosaver.flush();
      const before = session.snapshot()?.revision ?? session.meeting.revision;
      const meetingId = session.meeting.id;
      const restored =
        'copy' in from
          ? await api.call('meetings:restore-replaced', { meetingId, copy: from.copy })
          : await api.call('history:restore', { meetingId, revision: from.revision, baseRevision: before });
      if (undoable) setUndoableRestore({ meetingId: restored.id, revision: before });
      remember(summarise(restored));
      await meetings.open(restored.id);
    } catch (failure) {
      setError(failure);
    }
  };

  // Undo restore takes back the restore only while it is the last change: once the clerk types on, the
  // restore is in the history like any other version (Versions… restores what came before it).
  useEffect(
    () =>
      openSession?.autosaver.subscribe(() => {
        if (openSession.autosaver.getState().kind === 'unsaved') setUndoableRestore(null);
      }),
    [openSession],
  );

  /** A lifecycle step changed a meeting: the library lists it as it now is, and a pane showing it opens it again. */
  const lifecycleChanged = (meeting: Meeting) => {
    // A signed record put back as signed answers the library's warnings about it: they are read again.
    if (library?.meetings.find((summary) => summary.id === meeting.id)?.tampered != null) api.call('library:open', {}).then(setLibrary, setError);
    remember(summarise(meeting));
    if (meetings.meetingId === meeting.id && meetings.revision === null) void meetings.open(meeting.id).catch(setError);
    if (companion.meetingId === meeting.id && companion.revision === null) void companion.open(meeting.id).catch(setError);
  };

  const undoRestore = async () => {
    const undo = undoableRestore;
    const session = meetings.session;
    setUndoableRestore(null);
    if (undo === null || session === null || session.meeting.id !== undo.meetingId) return;
    // Taking a restore back is restoring the version before it, which is not itself offered for undoing.
    await restoreVersion({ revision: undo.revision }, false);
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

  // Every menu command, in one table (renderer/src/menu/menuActions.ts). null: the window has no such
  // action yet, and the menu item does nothing.
  useEffect(() => {
    menuActions.current = {
      'new-meeting': () => setDialog({ kind: 'meeting', committeeId: openSession?.meeting.committeeId ?? null }),
      // A meeting binned since the menu was built: said in words, and the open meeting stays open.
      'open-recent': ({ meetingId }) =>
        library?.meetings.some((meeting) => meeting.id === meetingId)
          ? void openMeeting(meetingId)
          : setError(new Error('That meeting is no longer in the library: it may have been moved to the Bin, where it can be restored.')),
      import: startImport,
      'open-files': () => void takeOpenedFiles().then(importGiven, setError),
      // Side by Side closes the right pane, or asks what to open in it (as Compare With… does).
      'toggle-side-by-side': () => {
        if (layout.beside !== null) closeBeside();
        else if (meetings.meetingId !== null) setDialog({ kind: 'compare' });
      },
      'theme:light': () => showTheme('light'),
      'theme:dark': () => showTheme('dark'),
      'theme:contrast': () => showTheme('contrast'),
      'theme:system': () => showTheme('system'),
      save: 'meeting',
      undo: 'meeting',
      redo: 'meeting',
      export: 'meeting',
      compare: 'meeting',
      find: 'meeting',
      replace: 'meeting',
      shortcuts: 'meeting',
      print: 'meeting',
      withoutMeeting,
    };
  });

  /** Moves a meeting to the bin, closing it first so words still being saved go with it; throws the node side's refusal. */
  const deleteMeeting = async (meetingId: string) => {
    if (companion.meetingId === meetingId) {
      await companion.close();
      closeBeside();
    }
    if (meetings.meetingId === meetingId) await meetings.close();
    setLibrary(await api.call('meetings:delete', { meetingId }));
    setDialog(null);
  };

  const archiveCommittee = (committee: Committee, archived: boolean) => {
    api.call('committees:archive', { committeeId: committee.id, archived }).then((saved) => {
      setLibrary((old) => old && { ...old, committees: old.committees.map((existing) => (existing.id === saved.id ? saved : existing)) });
      // The open meeting of a committee archived is closed with it: the library no longer lists it.
      if (archived && meetings.session?.meeting.committeeId === committee.id) void meetings.close();
    }, setError);
  };

  // Where the clerk was before following a reference or a search result: Alt+← goes back, Alt+→ forward again.
  const trail = useRef<{ back: Place[]; forward: Place[] }>({ back: [], forward: [] });
  const placeNow = (): Place | null => {
    if (workspace.kind === 'search') return { kind: 'search', query: workspace.query };
    if (meetings.meetingId === null) return null;
    const { $from } = editors.left?.state.selection ?? {};
    const itemId = $from !== undefined && $from.depth >= 1 ? String($from.node(1).attrs['id']) : null;
    return { kind: 'meeting', meetingId: meetings.meetingId, itemId };
  };
  /** Following a reference or a result: where the clerk is goes on the Back list, and Forward starts again. */
  const leaveHere = () => {
    const here = placeNow();
    if (here !== null) trail.current = { back: [...trail.current.back, here], forward: [] };
  };
  const goTo = (place: Place) => (place.kind === 'search' ? showWorkspace(place) : void openMeeting(place.meetingId, place.itemId));
  const openMinute = (minute: MinuteToOpen) => {
    if (minute.beside === true) return void openBeside(minute.meetingId, null, minute.itemId);
    leaveHere();
    void openMeeting(minute.meetingId, minute.itemId);
  };
  const travel = (direction: 'back' | 'forward') => {
    const { back, forward } = trail.current;
    const to = (direction === 'back' ? back : forward).at(-1);
    const here = placeNow();
    if (to === undefined) return;
    trail.current =
      direction === 'back'
        ? { back: back.slice(0, -1), forward: here === null ? forward : [...forward, here] }
        : { back: here === null ? back : [...back, here], forward: forward.slice(0, -1) };
    goTo(to);
  };
  const travelRef = useRef(travel);
  useEffect(() => {
    travelRef.current = travel;
  });
  // A meeting opened from a button that went with the page it was on (Open the sample library): the
  // button took focus away with it, without a focusout, so the minutes take it here.
  useEffect(() => {
    if (open.kind !== 'open' || !focusHasFallen() || document.querySelector('dialog[open]') !== null) return;
    document.querySelector<HTMLElement>('.meeting .ProseMirror')?.focus();
  }, [open]);
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      const direction = pressed(event, meetingKeys.back.key) ? 'back' : pressed(event, meetingKeys.forward.key) ? 'forward' : null;
      if (direction === null) return;
      event.preventDefault();
      travelRef.current(direction);
    };
    // Focus never falls to the page: when what had it goes (a dialog closed, a meeting opened), the minutes take it.
    // Looked at in the next frame, once a closed dialog has given focus back to what opened it (react-aria does
    // that in a frame): taking it sooner would move the editor's caret to wherever the page's selection was.
    const focusOut = (event: FocusEvent) => {
      const left = event.target as Element | null;
      requestAnimationFrame(() => {
        if (left?.isConnected === false) focusFromThePage();
      });
    };
    window.addEventListener('keydown', keys);
    window.addEventListener('focusout', focusOut);
    return () => {
      window.removeEventListener('keydown', keys);
      window.removeEventListener('focusout', focusOut);
    };
  }, []);

  if (library === null) {
    return (
      <>
        <ConnectionStatus />
        {error ? <ErrorMessage error={error} /> : <p className="loading">Opening the library…</p>}
      </>
    );
  }

  // A signed record changed outside Minute Book is not a file that could not be read: it is said apart, once each.
  const tamperWarnings = new Set(library.meetings.flatMap((meeting) => (meeting.tampered === null ? [] : [meeting.tampered])));
  const changedRecords = [...new Set(library.problems.map((problem) => problem.message).filter((message) => tamperWarnings.has(message)))];
  const problems = [...new Set([...library.problems.map((problem) => problem.message).filter((message) => !tamperWarnings.has(message)), ...recovery.notes])];
  // Circulated, agreed and signed minutes show the heading and numbering they were circulated with.
  const committeeOf = (session: MeetingSession) => {
    const found = library.committees.find((candidate) => candidate.id === session.meeting.committeeId);
    return found && committeeAsRecorded(found, session.meeting);
  };
  const committee = openSession ? committeeOf(openSession) : undefined;
  const paneLabel = (session: MeetingSession | null) => {
    if (session === null) return 'Opening…';
    const { meeting } = session;
    // The date and what it is come first: a narrow pane cuts the end of the line, and the committee is usually the same on both sides.
    const what = session.version
      ? `as saved ${formatSavedAt(meeting.updatedAt)}`
      : meeting.status === 'draft'
        ? '(draft)'
        : meeting.importedFrom
          ? '(imported)'
          : `(${meeting.status})`;
    return `${formatProseDate(meeting.date)} ${what} · ${committeeOf(session)?.name ?? 'Meeting'}`;
  };
  const besideSession = beside.kind === 'open' ? beside.session : null;
  const besideCommittee = besideSession ? committeeOf(besideSession) : undefined;
  const split = layout.beside !== null && beside.kind !== 'none' && open.kind === 'open';

  const leftView =
    open.kind === 'open' && committee ? (
      <MeetingView
        key={open.generation}
        session={open.session}
        focusItemId={open.focusItemId}
        restore={open.restore}
        committee={committee}
        library={library.meetings}
        libraryReadOnly={library.readOnly}
        onOpenMinute={openMinute}
        active={!split || activePane === 'left'}
        compact={split}
        onEditor={leftEditor}
        onCompare={() => setDialog({ kind: 'compare' })}
        onVersions={() => setDialog({ kind: 'versions' })}
        onCompareWithVersion={(revision) => void openBeside(open.session.meeting.id, revision, null, true)}
        onLifecycleChanged={lifecycleChanged}
        onFindInLibrary={(query) => {
          leaveHere();
          showWorkspace({ kind: 'search', query });
        }}
      />
    ) : null;
  const rightView =
    beside.kind === 'open' && besideCommittee ? (
      <MeetingView
        key={`beside-${beside.generation}`}
        session={beside.session}
        focusItemId={beside.focusItemId}
        restore={null}
        committee={besideCommittee}
        library={library.meetings}
        libraryReadOnly={library.readOnly}
        onOpenMinute={openMinute}
        active={activePane === 'right'}
        compact
        onEditor={rightEditor}
        onLifecycleChanged={lifecycleChanged}
      />
    ) : (
      <p className="loading">Opening the meeting…</p>
    );

  // A meeting dragged from the library: dropped on the right half it opens beside, on the left in place.
  const meetingDragged = (event: React.DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes(MEETING_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    const box = event.currentTarget.getBoundingClientRect();
    setDropSide(meetings.meetingId !== null && event.clientX > box.left + box.width / 2 ? 'right' : 'left');
  };
  const meetingDropped = (event: React.DragEvent<HTMLElement>) => {
    const meetingId = event.dataTransfer.getData(MEETING_DRAG_TYPE);
    const side = dropSide;
    setDropSide(null);
    if (meetingId === '') return;
    event.preventDefault();
    void (side === 'right' ? openBeside(meetingId) : openMeeting(meetingId));
  };

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
        onImport={startImport}
        onEditCommittee={(committee) => setDialog({ kind: 'committee', committee })}
        onNewMeeting={(committeeId) => setDialog({ kind: 'meeting', committeeId })}
        view={workspace.kind}
        onBin={() => showWorkspace({ kind: 'bin' })}
        onPreferences={() => setDialog({ kind: 'preferences' })}
        onDuplicateMeeting={(meeting) => setDialog({ kind: 'duplicate', meeting })}
        onDeleteMeeting={(meeting) => setDialog({ kind: 'delete', meeting })}
        onArchiveCommittee={archiveCommittee}
      />
      <main
        className="workspace"
        onDragOver={meetingDragged}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropSide(null);
        }}
        onDrop={meetingDropped}
      >
        <ConnectionStatus />
        {dropSide !== null && (
          <div className={`drop-target ${dropSide}`} aria-hidden="true">
            {dropSide === 'right' ? 'Drop to open beside' : 'Drop to open here'}
          </div>
        )}
        {undoableRestore !== null && undoableRestore.meetingId === meetings.meetingId && (
          <p role="status" className="restore-done">
            The earlier version was restored as a new revision.{' '}
            <button type="button" onClick={() => void undoRestore()}>
              Undo restore
            </button>{' '}
            <button type="button" className="quiet" onClick={() => setUndoableRestore(null)}>
              Dismiss
            </button>
          </p>
        )}
        {library.sample && <SampleLibraryBanner onLeave={leaveSample} leaving={openingSample} meetings={library.meetings.length} committees={library.committees.length} />}
        {library.checking !== null && (
          <p role="status" className="library-checking">
            Checking the signed minutes against their signatures: {library.checking.done.toLocaleString('en-GB')} of {library.checking.total.toLocaleString('en-GB')}.
          </p>
        )}
        {library.readOnly !== null && (
          <p role="status" className="library-read-only">
            {library.readOnly}
          </p>
        )}
        {changedRecords.length > 0 && (
          <section role="alert" className="problems" aria-label="Signed minutes changed">
            <h2>Signed minutes changed outside Minute Book</h2>
            <ul>
              {changedRecords.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </section>
        )}
        {problems.length > 0 && (
          <section role="alert" className="problems" aria-label="Files that need attention">
            <h2>Some files need attention</h2>
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
        ) : workspace.kind === 'bin' ? (
          <BinView library={library} onRestored={() => api.call('library:open', {}).then(setLibrary, setError)} />
        ) : open.kind === 'loading' ? (
          <p className="loading">Opening the meeting…</p>
        ) : leftView !== null ? (
          <SideBySide
            layout={layout}
            onLayout={changeLayout}
            left={{ session: openSession, view: editors.left, label: paneLabel(openSession), node: leftView }}
            right={split ? { session: besideSession, view: editors.right, label: paneLabel(besideSession), node: rightView } : null}
            differences={openSession && besideSession ? <ComparisonView before={besideSession} after={openSession} committees={library.committees} /> : null}
            onCloseBeside={closeBeside}
            onSwap={() => void swapSides()}
          />
        ) : (
          <div className="empty-workspace">
            <h1>Minute Book</h1>
            {library.committees.length === 0 && library.meetings.length === 0 && library.readOnly === null ? (
              <FirstStart onSample={() => void openSample()} onImport={() => filePicker.current?.click()} opening={openingSample} />
            ) : (
              <>
                <p className="hint">{library.committees.length === 0 ? 'Create a committee to begin.' : 'Open a meeting from the library, or create a new one.'}</p>
                {!library.sample && (
                  <p className="hint">
                    To try Minute Book on a council&apos;s published minutes without touching yours,{' '}
                    <button type="button" className="link-button" onClick={() => void openSample()} disabled={openingSample}>
                      open the sample library
                    </button>
                    .
                  </p>
                )}
              </>
            )}
          </div>
        )}
      </main>
      <input
        ref={filePicker}
        type="file"
        multiple
        hidden
        aria-label="Files to import"
        accept={IMPORTABLE_ACCEPT}
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
      {dialog?.kind === 'compare' && openSession && (
        <CompareDialog
          meetingId={openSession.meeting.id}
          committees={library.committees}
          meetings={library.meetings}
          onClose={() => setDialog(null)}
          onChoose={(meetingId, differences) => {
            setDialog(null);
            void openBeside(meetingId, null, null, differences);
          }}
        />
      )}
      {dialog?.kind === 'versions' && openSession && (
        <VersionsDialog
          session={openSession}
          libraryReadOnly={library.readOnly}
          onClose={() => setDialog(null)}
          onOpenBeside={(revision, differences) => {
            setDialog(null);
            void openBeside(openSession.meeting.id, revision, null, differences);
          }}
          onRestore={(revision) => void restoreVersion({ revision })}
          onRestoreCopy={(copy) => void restoreVersion({ copy })}
        />
      )}
      {dialog?.kind === 'committee' && (
        <CommitteeDialog
          committee={dialog.committee}
          recordedMeetings={library.meetings.filter((meeting) => meeting.committeeId === dialog.committee?.id && meeting.status !== 'draft').length}
          onClose={() => setDialog(null)}
          onSaved={committeeSaved}
        />
      )}
      {dialog?.kind === 'preferences' && <PreferencesDialog onClose={() => setDialog(null)} />}
      {/* Closed, the sheet gives focus back to the field it was opened from (the search box, the library). */}
      {dialog?.kind === 'shortcuts' && <ShortcutsSheet onClose={() => setDialog(null)} afterClose={() => dialog.opener?.focus()} />}
      {dialog?.kind === 'delete' && (
        <DeleteMeetingDialog
          meeting={dialog.meeting}
          committeeName={library.committees.find((known) => known.id === dialog.meeting.committeeId)?.name ?? 'the committee'}
          onClose={() => setDialog(null)}
          onConfirm={() => deleteMeeting(dialog.meeting.id)}
        />
      )}
      {dialog?.kind === 'duplicate' && (
        <DuplicateMeetingDialog
          meeting={dialog.meeting}
          committeeName={library.committees.find((known) => known.id === dialog.meeting.committeeId)?.name ?? 'the committee'}
          onClose={() => setDialog(null)}
          onDuplicated={meetingCreated}
        />
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
