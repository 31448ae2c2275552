// One open meeting: its header, the minutes editor, the toolbar and the item panel, saved
// automatically. Typing reaches React only as a change of save state.
import { isFrozen, isLocked } from '../../../shared/lifecycle/transitions.js';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { redo, undo } from 'prosemirror-history';
import { toggleMark } from 'prosemirror-commands';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatClockTime, formatProseDate, formatSavedAt } from '../../../shared/dates.js';
import type { RecoveredChanges } from '../../../shared/contract.js';
import { detailsChanges } from '../../../shared/editor/detailsStep.js';
import { minutesSchema } from '../../../shared/editor/schema.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { Meeting, MeetingSummary } from '../../../shared/model/meeting.js';
import { continuingMinuteNumber, firstMinuteNumberOf, minuteCitation, minuteYearsOf, municipalYearOf } from '../../../shared/numbering.js';
import { api, isDesktop } from '../api.js';
import { onMeetingCommand } from '../menu/menuActions.js';
import { reportUnsaved } from './unsavedReport.js';
import { citationsIn, referencesKey, type ResolvedReferences } from '../editor/referencesPlugin.js';
import { attendanceNames, meetingContextKey, peopleOf } from '../editor/meetingContext.js';
import type { MinuteToOpen } from '../search/SearchView.js';
import { addItem, insertLink, insertMinuteReference, recordApproval } from '../editor/commands.js';
import type { EditorCallbacks } from '../editor/editorSetup.js';
import { InsertBlockMenu } from '../editor/InsertBlockMenu.js';
import { FindBar, startFinding } from '../editor/FindBar.js';
import { ShortcutsSheet } from '../editor/ShortcutsSheet.js';
import { curlyQuotesWanted, setCurlyQuotesWanted } from '../editor/pastePlugin.js';
import { ariaKey, meetingKeys, pressed, shownKey } from '../editor/shortcuts.js';
import { ItemPanel } from '../editor/ItemPanel.js';
import { showItem } from '../editor/showItem.js';
import { LiveCapture } from '../live/LiveCapture.js';
import { LinkDialog } from '../editor/LinkDialog.js';
import { ImportReportDialog } from '../import/ImportReportDialog.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { printMinutes } from '../export/printMinutes.js';
import { MinutesEditor } from '../editor/MinutesEditor.js';
import { MinuteReferenceDialog } from '../editor/MinuteReferenceDialog.js';
import { AGREE_APPROVED_MINUTES, APPROVED_MEETING_DATE_LABEL, OPEN_APPROVED_MINUTES } from '../editor/nodeViews.js';
import { AgreeDialog, type ApprovalBlockSays } from '../lifecycle/AgreeDialog.js';
import { allTextOf, approvalBlockOf } from '../lifecycle/amendmentParts.js';
import { amendmentNotesKey, type AmendmentNote } from '../editor/amendmentNotesPlugin.js';
import { LifecycleBar } from '../lifecycle/LifecycleBar.js';
import type { Numbering } from '../editor/numberingPlugin.js';
import { takePageSelection } from '../editor/pageSelection.js';
import { MeetingHeader } from './MeetingHeader.js';
import type { MeetingSession, MeetingDetails } from './meetingSession.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { SaveStatus } from './SaveStatus.js';
import { FirstMeetingHint } from './FirstMeetingHint.js';
import { keepLastPlace, readLastPlace, returnToPlace } from './lastPlace.js';
import { aDialogIsOpen } from '../common/Modal.js';
import { IconButton, WithTooltip } from '../common/Tooltip.js';

interface MeetingViewProps {
  /** The open meeting, as loaded: the view starts from it and never outlives it (it is keyed by the load). */
  session: MeetingSession;
  /** The item to show first, as when a search result or a reference is followed. */
  focusItemId: string | null;
  /** Unsaved changes recovered from a journal, applied once the editor is there. */
  restore: RecoveredChanges | null;
  committee: Committee;
  library: readonly MeetingSummary[];
  /** Why this window may not change the library (another window has it), or null. */
  libraryReadOnly: string | null;
  onOpenMinute: (minute: MinuteToOpen) => void;
  /**
   * The pane the clerk is working in: it alone takes the menu's commands and Ctrl+/ when two meetings
   * are open side by side.
   */
  active?: boolean;
  /** Beside another meeting: the item panel is left out to give the minutes the width. */
  compact?: boolean;
  /** Hears the editor once it is there (null when it goes), for the side-by-side view. */
  onEditor?: (view: EditorView | null) => void;
  /** "Compare…" and "Versions…"; absent where the view cannot offer them. */
  onCompare?: () => void;
  onVersions?: () => void;
  /** Opens a kept version beside, with what has changed since (a signed record changed outside Minute Book). */
  onCompareWithVersion?: (revision: number) => void;
  /** A lifecycle step changed a meeting (this one, or the one whose minutes it agreed): the window shows it as it now is. */
  onLifecycleChanged?: (meeting: Meeting) => void;
  /** "Find in library" in the find bar: the words searched for across every meeting. */
  onFindInLibrary?: (words: string) => void;
}

export function MeetingView(props: MeetingViewProps) {
  const { session, focusItemId, restore, committee, library, libraryReadOnly, onOpenMinute, active = true, compact = false, onEditor, onCompare, onVersions, onCompareWithVersion, onLifecycleChanged, onFindInLibrary } = props;
  const { meeting } = session;
  // From the session, not the meeting as loaded: a view mounted again goes on from what the clerk typed.
  const [details, setDetails] = useState<MeetingDetails>(() => session.currentDetails);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [current, setCurrent] = useState<{ item: ProseMirrorNode | null; index: number }>({ item: null, index: -1 });
  const [insertMenuOpen, setInsertMenuOpen] = useState(false);
  // The find bar, with its replace field or without; null when closed.
  const [finding, setFinding] = useState<'find' | 'replace' | null>(null);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const [curlyQuotes, setCurlyQuotes] = useState(curlyQuotesWanted);
  // Live capture, during the meeting: its panel takes the item panel's place beside the page.
  const [live, setLive] = useState(false);
  const [asking, setAsking] = useState<'reference' | 'link' | 'export' | 'import-report' | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  // The meeting whose minutes the approval block agrees, and this meeting's minute for it.
  const [agreeing, setAgreeing] = useState<{ meetingId: string; meetingDate: string; minute: string; block: ApprovalBlockSays } | null>(null);
  const readOnly = session.isReadOnly || libraryReadOnly !== null;
  // Minutes agreed at this meeting record its date: it no longer changes (the node side refuses it too).
  const agreedHere = library.filter((summary) => summary.agreedAt === meeting.id);
  const capturing = live && !readOnly && !compact;
  // Where live capture had got to: it comes back there, not to wherever the cursor was taken meanwhile.
  const liveItemId = useRef<string | null>(null);

  const continuing = continuingMinuteNumber(details, library, committee.municipalYearStartMonth);
  // Minutes circulated or beyond keep the numbers they were circulated with: a later change to the
  // committee (its municipal year) or to the meetings before them does not renumber the record.
  const stored = session.meeting.items[0]?.minuteNumber;
  const first = (isFrozen(session.meeting) || isLocked(session.meeting)) && stored !== undefined ? stored : firstMinuteNumberOf(details, continuing);
  const municipalYear = municipalYearOf(details.date, committee.municipalYearStartMonth);
  const numbering = useMemo<Numbering>(
    () => ({ first, years: minuteYearsOf(details.date, committee.municipalYearStartMonth), style: committee.numberingStyle }),
    [first, details.date, committee.municipalYearStartMonth, committee.numberingStyle],
  );

  const autosaver = session.autosaver;
  useEffect(() => session.numberFrom(first), [session, first]);
  // Live capture resumes at its item (declared before the effect below, which follows the cursor from then on).
  useEffect(() => {
    if (capturing && view !== null && liveItemId.current !== null) showItem(view, liveItemId.current);
  }, [capturing, view]);
  useEffect(() => {
    if (capturing && current.item !== null) liveItemId.current = String(current.item.attrs['id']);
  }, [capturing, current.item]);
  // The main pane's meeting keeps the clerk's place for the next start (not a version, not the meeting beside).
  const keepsPlace = !compact && !session.version;
  useEffect(() => {
    if (view === null || !keepsPlace) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = () => !view.isDestroyed && keepLastPlace(view, session.meeting.id);
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(keep, 500);
    };
    document.addEventListener('selectionchange', soon);
    window.addEventListener('pagehide', keep);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', soon);
      window.removeEventListener('pagehide', keep);
    };
  }, [view, keepsPlace, session]);
  const attachView = useCallback(
    (editor: EditorView | null) => {
      session.attach(editor);
      setView(editor);
      onEditor?.(editor);
      if (editor === null) return;
      // Once per session: a second mount (React's development double mount, a move between panes) must not apply it twice.
      if (restore !== null && session.claimRestore()) {
        try {
          setDetails(session.restore(restore));
        } catch (error) {
          setRestoreError(error);
          // Kept, not offered again: the meeting is shown as saved.
          void api.call('recovery:discard', { meetingId: session.meeting.id }).catch(() => undefined);
        }
      }
      if (focusItemId !== null) {
        showItem(editor, focusItemId);
        editor.focus();
      } else if (keepsPlace) {
        // Opened again after a restart: back at the item and caret the clerk left.
        const place = readLastPlace(session.meeting.id);
        if (place !== null && returnToPlace(editor, place)) editor.focus();
      }
    },
    [session, focusItemId, restore, onEditor, keepsPlace],
  );

  // Live capture and the references hear every change to the minutes; typing renders nothing.
  const minutesListeners = useRef(new Set<() => void>());
  const subscribeToMinutes = useCallback((listener: () => void) => {
    minutesListeners.current.add(listener);
    return () => void minutesListeners.current.delete(listener);
  }, []);

  // The minutes the meeting cites, looked up as they are typed (a moment after the typing stops), so a
  // reference becomes a link, with its tooltip and in the item's "Cites", without the meeting being saved or opened again.
  const [citations, setCitations] = useState<string>('');
  const [resolved, setResolved] = useState<ResolvedReferences>({});
  useEffect(() => {
    if (view === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      clearTimeout(timer);
      timer = setTimeout(() => !view.isDestroyed && setCitations(citationsIn(view.state.doc).join('\n')), 250);
    };
    look();
    const stop = subscribeToMinutes(look);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [view, subscribeToMinutes]);

  // References are looked up once the editor is there, when the citations change, and when the meeting's date changes.
  useEffect(() => {
    if (view === null || view.isDestroyed) return;
    let current = true;
    api
      .call('references:resolve', { committeeId: committee.id, asOf: details.date, citations: citations === '' ? [] : citations.split('\n') })
      .then((answer) => {
        // Only what changes is dispatched: most changes leave the references as they were.
        if (!current || view.isDestroyed || JSON.stringify(referencesKey.getState(view.state)?.resolved) === JSON.stringify(answer)) return;
        view.dispatch(view.state.tr.setMeta(referencesKey, answer).setMeta('addToHistory', false));
        setResolved(answer);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [view, committee.id, details.date, citations]);

  // The blocks' controls offer the attendance's names, the committee's members and its kinds of interest.
  const names = attendanceNames(details.attendance).join('\n');
  const agreedDates = library
    .filter((summary) => summary.agreedAt === meeting.id)
    .map((summary) => summary.date)
    .join('\n');
  const people = peopleOf(committee.members.map((member) => member.name), details.attendance).join('\n');
  useEffect(() => {
    if (view === null || view.isDestroyed) return;
    const split = (list: string) => (list === '' ? [] : list.split('\n'));
    const context = { names: split(names), people: split(people), declarationKinds: committee.declarationKinds, agreedHere: split(agreedDates) };
    view.dispatch(view.state.tr.setMeta(meetingContextKey, context).setMeta('addToHistory', false));
  }, [view, names, people, committee.declarationKinds, agreedDates]);

  // An amended minute says so on the page, under the item: the meeting's recorded corrections.
  const corrections = meeting.lifecycle?.corrections;
  const agreement = meeting.lifecycle?.agreed ?? null;
  useEffect(() => {
    if (view === null || view.isDestroyed) return;
    const notes: AmendmentNote[] = (corrections ?? []).map((correction) => ({
      itemId: correction.itemId,
      note: correction.note,
      recorded: `${agreement?.meetingId === correction.meetingId ? `at the meeting of ${formatProseDate(agreement.meetingDate)}; ` : ''}recorded ${formatSavedAt(correction.at)} by ${correction.by}`,
      before: { title: correction.before.title, lines: allTextOf(correction.before).split('\n').filter((line) => line !== '') },
    }));
    view.dispatch(view.state.tr.setMeta(amendmentNotesKey, notes).setMeta('addToHistory', false));
  }, [view, corrections, agreement]);

  const callbacks = useMemo<EditorCallbacks>(
    () => ({
      onChange: () => autosaver.changed(),
      onSteps: (steps, doc) => {
        session.recordSteps(steps, doc);
        // Details changed as steps of the minutes' history (live capture's roll call and times, and their undoing).
        const changes = detailsChanges(steps);
        if (changes.length > 0) {
          const next = changes.reduce<MeetingDetails>((details, change) => ({ ...details, ...change }), session.currentDetails);
          setDetails(next);
          session.updateDetails(next);
        }
        // After the editor has taken the new state, which comes once these steps are reported.
        if (minutesListeners.current.size > 0) queueMicrotask(() => minutesListeners.current.forEach((listener) => listener()));
      },
      onCurrentItem: (item, index) => setCurrent({ item, index }),
      onFollowReference: (place, beside) => onOpenMinute({ meetingId: place.meetingId, itemId: place.itemId, beside }),
    }),
    [autosaver, session, onOpenMinute],
  );

  const changeDetails = (next: MeetingDetails) => {
    setDetails(next);
    session.updateDetails(next);
  };

  const run = useCallback(
    (command: (state: EditorView['state'], dispatch?: EditorView['dispatch']) => boolean) => {
      if (view === null) return;
      command(view.state, view.dispatch);
      view.focus();
    },
    [view],
  );

  useEffect(
    () =>
      onMeetingCommand((command) => {
        // Save (and a close waiting for the last save) saves every meeting open in the window.
        if (command === 'save') void autosaver.flush();
        if (!active) return;
        // File → Export… and View → Compare With… do what the toolbar's buttons do.
        if (command === 'export') setAsking('export');
        if (command === 'compare') onCompare?.();
        if (command !== 'undo' && command !== 'redo') return;
        // The menu takes Ctrl+Z from every field: the editor has its own history, other fields Chromium's.
        if (view !== null && !view.hasFocus()) document.execCommand(command);
        else run(command === 'undo' ? undo : redo);
      }),
    [autosaver, run, view, active, onCompare],
  );

  const find = useCallback(
    (mode: 'find' | 'replace') => {
      if (view === null) return;
      startFinding(view);
      setFinding(mode);
    },
    [view],
  );
  const findRef = useRef(find);

  // Ctrl+P (and File → Print, a meeting command) prints the formal minutes as they stand in the window, not the window itself.
  const [printError, setPrintError] = useState<unknown>(null);
  const print = useCallback(() => {
    const snapshot = session.snapshot();
    if (snapshot === null) return;
    try {
      printMinutes(snapshot, committee);
      setPrintError(null);
    } catch (error) {
      setPrintError(error);
    }
  }, [session, committee]);
  // Edit → Find…/Replace…, Help → Keyboard Shortcuts and File → Print… do what their keys do.
  useEffect(
    () =>
      onMeetingCommand((command) => {
        if (!active) return;
        if (command === 'find' || command === 'replace') find(command);
        if (command === 'shortcuts') setShowingShortcuts(true);
        if (command === 'print') print();
      }),
    [active, find, print],
  );
  useEffect(() => {
    const printKey = (event: KeyboardEvent) => {
      if (active && event.key.toLowerCase() === 'p' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        print();
      }
    };
    window.addEventListener('keydown', printKey);
    return () => window.removeEventListener('keydown', printKey);
  }, [active, print]);

  // Ctrl+/ opens the insert-block menu from anywhere in the meeting; blocks go in at the editor's cursor.
  useEffect(() => {
    findRef.current = find;
  }, [find]);

  // The meeting's own keys, from anywhere in it (shortcuts.ts): the insert menu (blocks go in at the
  // editor's cursor), live capture, find and replace, and the shortcuts sheet.
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (!active || event.defaultPrevented) return;
      // Whether a dialog is open is asked only of the window's own keys: it searches the whole page.
      const take = (action: () => void) => {
        if (aDialogIsOpen()) return;
        event.preventDefault();
        action();
      };
      if (pressed(event, meetingKeys.shortcuts.key)) take(() => setShowingShortcuts(true));
      else if (pressed(event, meetingKeys.find.key)) take(() => find('find'));
      else if (pressed(event, meetingKeys.replace.key) && !readOnly) take(() => find('replace'));
      else if (pressed(event, meetingKeys.insert.key) && !readOnly)
        take(() => {
          // The block goes in where the clerk last clicked, even a moment ago.
          if (view !== null) takePageSelection(view);
          setInsertMenuOpen(true);
        });
      else if (pressed(event, meetingKeys.live.key) && !readOnly && !compact) take(() => setLive((on) => !on));
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [readOnly, active, compact, find, view]);

  // The approval-of-minutes block asks for the meeting whose minutes are being approved.
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = sectionRef.current;
    if (section === null) return;
    // The meeting the block names (by its date), or null after saying it is not in the library.
    const approvedBy = (event: Event): MeetingSummary | null => {
      const date = (event as CustomEvent<string>).detail;
      const approved = library.find((other) => other.committeeId === committee.id && other.date === date && other.id !== meeting.id);
      if (approved === undefined) setNotFound(`The minutes of the meeting of ${date === '' ? 'that date' : formatProseDate(date)} are not in this library.`);
      return approved ?? null;
    };
    const openApproved = (event: Event) => {
      const approved = approvedBy(event);
      if (approved !== null) onOpenMinute({ meetingId: approved.id, itemId: null, beside: true });
    };
    const agreeApproved = (event: Event) => {
      const approved = approvedBy(event);
      const itemId = (event.target as Element | null)?.closest('section.item')?.getAttribute('data-item-id');
      const item = session.snapshot()?.items.find((candidate) => candidate.id === itemId);
      if (approved === null || item === undefined) return;
      // The dialog starts from what the block says: its outcome and the amendments typed in it.
      const block = approvalBlockOf(item, approved.date) ?? { outcome: 'agreed', amendments: [] };
      setAgreeing({ meetingId: approved.id, meetingDate: approved.date, minute: minuteCitation(item.minuteNumber, municipalYear), block });
    };
    section.addEventListener(OPEN_APPROVED_MINUTES, openApproved);
    section.addEventListener(AGREE_APPROVED_MINUTES, agreeApproved);
    return () => {
      section.removeEventListener(OPEN_APPROVED_MINUTES, openApproved);
      section.removeEventListener(AGREE_APPROVED_MINUTES, agreeApproved);
    };
  }, [library, committee.id, meeting.id, onOpenMinute, session, municipalYear]);

  // Closing the window waits for the last save. The desktop app's main process holds the close while
  // the window reports unsaved changes (electron/shell/quitGuard.ts), asks for a save, and closes once
  // it is on disk; a browser asks the clerk to stay while it finishes.
  useEffect(() => reportUnsaved(autosaver), [autosaver]);
  useEffect(() => {
    // Whatever happens next, the journal holds every step: pagehide comes even when beforeunload does not.
    const leaving = () => session.leaving();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsavedChanges) return;
      leaving();
      if (isDesktop) return; // the main process has waited, or the clerk chose Close Anyway
      event.preventDefault();
      void autosaver.flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', leaving);
    };
  }, [autosaver, session]);

  const closeDialog = () => setAsking(null);
  const focusEditor = () => view?.focus();

  const marks = minutesSchema.marks;
  return (
    // Beside another meeting the pane is the landmark, named for its meeting; alone, the meeting is.
    <section ref={sectionRef} className={compact ? 'meeting compact' : 'meeting'} aria-label={compact ? undefined : 'Meeting'}>
      {/* Two groups, each kept together: drafting the minutes (edit, blocks, tools) and the meeting as a
          document (read-only notes, compare, versions, export, print). A narrow window puts the second
          group under the first rather than breaking either. */}
      <div className="toolbar" role="toolbar" aria-label="Editing">
        <div className="toolbar-group" role="group" aria-label="Drafting">
        {!readOnly && (
          <>
            <span className="toolbar-set">
              <IconButton label="Undo" keys="Control+Z" shown="Ctrl+Z" onPress={() => run(undo)}>
                ↶
              </IconButton>
              <IconButton label="Redo" keys="Control+Y" shown="Ctrl+Y" onPress={() => run(redo)}>
                ↷
              </IconButton>
              <IconButton label="Bold" keys="Control+B" shown="Ctrl+B" onPress={() => run(toggleMark(marks['strong']!))}>
                <b>B</b>
              </IconButton>
              <IconButton label="Italic" keys="Control+I" shown="Ctrl+I" onPress={() => run(toggleMark(marks['em']!))}>
                <i>I</i>
              </IconButton>
            </span>
            <span className="toolbar-set">
            <InsertBlockMenu
              view={view}
              open={insertMenuOpen}
              onOpenChange={setInsertMenuOpen}
              onMinuteReference={() => setAsking('reference')}
              onShortcuts={() => setShowingShortcuts(true)}
            />
            <button type="button" onClick={() => setAsking('link')}>
              Link…
            </button>
            <button type="button" onClick={() => run(addItem)} aria-keyshortcuts="Control+Shift+Enter">
              Add item
            </button>
            </span>
            <span className="toolbar-set">
            {!compact && (
              <WithTooltip tip="Live capture (Ctrl+Shift+L)">
                <button type="button" aria-pressed={live} aria-keyshortcuts="Control+Shift+L" onClick={() => setLive(!live)}>
                  Live capture
                </button>
              </WithTooltip>
            )}
            <WithTooltip tip="Curly quotes: straight quotes typed or pasted become curly ones">
              <button
                type="button"
                className="icon-button"
                aria-label="Curly quotes"
                aria-pressed={curlyQuotes}
                onClick={() => {
                  setCurlyQuotesWanted(!curlyQuotes);
                  setCurlyQuotes(!curlyQuotes);
                }}
              >
                “ ”
              </button>
            </WithTooltip>
            </span>
          </>
        )}
        <span className="toolbar-set">
        <WithTooltip tip={`Find (${shownKey(meetingKeys.find.key)})`}>
          <button type="button" onClick={() => find('find')} aria-keyshortcuts={ariaKey(meetingKeys.find.key)}>
            Find…
          </button>
        </WithTooltip>
        <WithTooltip tip="Keyboard shortcuts (F1)">
          <button type="button" onClick={() => setShowingShortcuts(true)} aria-keyshortcuts="F1">
            Shortcuts
          </button>
        </WithTooltip>
        </span>
        </div>
        <div className="toolbar-group" role="group" aria-label="The meeting">
        {session.version && (
          <span className="read-only-note">
            The version saved {formatSavedAt(meeting.updatedAt)} (revision {meeting.revision}): read-only
          </span>
        )}
        {meeting.importedFrom && session.isReadOnly && !session.version && (
          <span className="read-only-note">
            Imported from {meeting.importedFrom.file}: kept as published, read-only
          </span>
        )}
        {meeting.importedFrom?.report && !session.version && (
          <button type="button" onClick={() => setAsking('import-report')}>
            Import report…
          </button>
        )}
        {onCompare && (
          <WithTooltip tip="Compare with another meeting">
            <button type="button" onClick={onCompare}>
              Compare…
            </button>
          </WithTooltip>
        )}
        {onVersions && (
          <button type="button" onClick={onVersions}>
            Versions…
          </button>
        )}
        <button type="button" onClick={() => setAsking('export')}>
          Export…
        </button>
        <button type="button" onClick={print} aria-keyshortcuts="Control+P">
          Print…
        </button>
        <SaveStatus autosaver={autosaver} />
        </div>
      </div>
      {finding !== null && view !== null && (
        <FindBar
          view={view}
          replacing={finding === 'replace'}
          onReplacing={(replacing) => setFinding(replacing ? 'replace' : 'find')}
          readOnly={readOnly}
          onClose={() => setFinding(null)}
          onFindInLibrary={(words) => onFindInLibrary?.(words)}
        />
      )}
      {showingShortcuts && <ShortcutsSheet onClose={() => setShowingShortcuts(false)} afterClose={focusEditor} />}
      {printError !== null && (
        <div className="print-failed">
          <ErrorMessage error={printError} />
        </div>
      )}
      {restoreError !== null && (
        <div className="restore-failed">
          <ErrorMessage error={restoreError} />
          <p className="hint">The recovered changes were kept in the library folder&apos;s set-aside folder; the meeting is shown as last saved.</p>
        </div>
      )}
      {!session.version && onLifecycleChanged && (
        <LifecycleBar
          meeting={meeting}
          committee={committee}
          libraryReadOnly={libraryReadOnly}
          tampered={library.find((summary) => summary.id === meeting.id)?.tampered ?? null}
          onCompareWithVersion={(revision) => onCompareWithVersion?.(revision)}
          flush={async () => {
            await autosaver.flush();
            return session.currentDetails.revision;
          }}
          onChanged={onLifecycleChanged}
          onShowItem={(itemId, code) => {
            if (view === null) return;
            showItem(view, itemId);
            // A check on the approval's date is put right in that date's field, not in the minutes' text.
            if (code.startsWith('approval-') && view.state.selection.$from.depth >= 1) {
              const section = view.nodeDOM(view.state.selection.$from.before(1)) as HTMLElement | null;
              const approvalDate = section?.querySelector<HTMLInputElement>(`input[aria-label="${APPROVED_MEETING_DATE_LABEL}"]`);
              if (approvalDate) return approvalDate.focus();
            }
            // A check is about the item's minutes: the cursor goes to where they start, after the title and source.
            const { $from } = view.state.selection;
            if ($from.depth >= 1) {
              const item = $from.node(1);
              const start = $from.before(1) + 1 + item.child(0).nodeSize + item.child(1).nodeSize;
              view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(start + 1))));
            }
            view.focus();
          }}
        />
      )}
      {agreeing !== null && onLifecycleChanged && (
        <AgreeDialog
          earlierMeetingId={agreeing.meetingId}
          minute={agreeing.minute}
          block={agreeing.block}
          approvingMeetingId={meeting.id}
          // This meeting's own minute says what is agreed: "subject to the following amendment", quoted.
          quote={(amendments) => {
            if (view !== null) recordApproval(agreeing.meetingDate, amendments)(view.state, view.dispatch);
          }}
          flush={async () => {
            await autosaver.flush();
            if (autosaver.getState().kind === 'failed') throw new Error('This meeting could not be saved, so the agreement was not recorded: see why beside Saved, above.');
          }}
          onClose={() => setAgreeing(null)}
          onAgreed={(earlier) => {
            setAgreeing(null);
            onLifecycleChanged(earlier);
          }}
        />
      )}
      {notFound !== null && (
        <p role="alert" className="not-found">
          {notFound}{' '}
          <button type="button" className="quiet" onClick={() => setNotFound(null)}>
            Dismiss
          </button>
        </p>
      )}
      <div className={capturing ? 'meeting-body live' : 'meeting-body'}>
        <div className="page">
          {!readOnly && !compact && <FirstMeetingHint key={meeting.id} meetingId={meeting.id} />}
          <MeetingHeader
            committee={committee}
            details={details}
            continuingMinuteNumber={continuing}
            readOnly={readOnly}
            onChange={changeDetails}
            {...(agreedHere.length === 0 ? {} : { dateFixedBecause: `The minutes of ${agreedHere.map((summary) => formatProseDate(summary.date)).join(' and ')} were agreed at this meeting and record its date, so it stays as it is.` })}
            withinPane={compact}
          />
          <MinutesEditor doc={session.currentDoc} readOnly={readOnly} numbering={numbering} callbacks={callbacks} onView={attachView} />
          {details.closingTime !== null && <p className="closing">(Meeting closed at {formatClockTime(details.closingTime)})</p>}
        </div>
        {capturing && view !== null && (
          <LiveCapture
            view={view}
            committee={committee}
            details={details}
            autosaver={autosaver}
            currentIndex={current.index}
            numbering={numbering}
            subscribeToMinutes={subscribeToMinutes}
          />
        )}
        {!compact && !capturing && (
          <ItemPanel view={view} item={current.item} index={current.index} meetingId={meeting.id} readOnly={readOnly} resolved={resolved} onOpenMinute={onOpenMinute} />
        )}
      </div>
      {asking === 'reference' && (
        <MinuteReferenceDialog
          committee={committee}
          library={library}
          onClose={closeDialog}
          afterClose={focusEditor}
          onInsert={(minute) => {
            setAsking(null);
            run(insertMinuteReference(minute));
          }}
        />
      )}
      {asking === 'export' && <ExportDialog session={session} committee={committee} onClose={closeDialog} />}
      {asking === 'import-report' && meeting.importedFrom && <ImportReportDialog importedFrom={meeting.importedFrom} onClose={closeDialog} />}
      {asking === 'link' && view !== null && (
        <LinkDialog
          selectedText={view.state.doc.textBetween(view.state.selection.from, view.state.selection.to)}
          onClose={closeDialog}
          afterClose={focusEditor}
          onInsert={(text, href) => {
            setAsking(null);
            run(insertLink(text, href));
          }}
        />
      )}
    </section>
  );
}
