// The differences between two meetings (or two versions of one), marked inside the structured blocks:
// words struck and inserted within a resolution part or a bullet, items added, removed, moved and
// renumbered, attendance and details changed. F8 and Shift+F8 step through the changes, as the
// buttons do; the comparison prints or saves as a standalone HTML document.
import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { compareMeetings, type BlockComparison, type ItemComparison, type MeetingComparison, type TextComparison } from '../../../shared/compare/compareMeetings.js';
import { comparisonHtml } from '../../../shared/compare/comparisonHtml.js';
import { attendanceListNames, detailNames, itemNotes } from '../../../shared/compare/comparisonWords.js';
import { formatProseDate, formatSavedAt } from '../../../shared/dates.js';
import type { Committee } from '../../../shared/model/committee.js';
import type { Meeting } from '../../../shared/model/meeting.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { printDocument } from '../common/printDocument.js';
import { saveFile } from '../export/saveFile.js';
import type { MeetingSession } from '../meeting/meetingSession.js';

interface ComparisonViewProps {
  /** The earlier side: the meeting or version opened beside. */
  before: MeetingSession;
  /** The meeting open on the left, as it stands in the window. */
  after: MeetingSession;
  committees: readonly Committee[];
}

/** Words struck and inserted, the rest as it reads. */
function Words({ text }: { text: TextComparison }) {
  return (
    <>
      {text.parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'inserted' ? (
          <ins key={index}>{part.text}</ins>
        ) : (
          <del key={index}>{part.text}</del>
        ),
      )}
    </>
  );
}

const blockNotes = { same: null, edited: 'Edited', added: 'Added', removed: 'Removed' } as const;

/** A block of the minutes with its marks; `step` makes it one of the changes F8 steps through. */
function Block({ block, step }: { block: BlockComparison; step: boolean }) {
  return (
    <div className={`compared-block ${block.kind}`} style={{ marginLeft: `${block.depth * 1.25}rem` }} data-change={step ? '' : undefined} tabIndex={step ? -1 : undefined}>
      <span className="block-label">
        {block.label}
        {blockNotes[block.kind] !== null && <span className="change-note"> · {blockNotes[block.kind]}</span>}
      </span>
      <p>
        <Words text={block.text} />
      </p>
      {block.attributes.length > 0 && <p className="change-note">{block.attributes.join('; ')}</p>}
    </div>
  );
}

/** Where an item went, in the printed comparisons' words: "Item moved from 4 to 6", "Minute 57 renumbered 58". */
const placeNotes = (item: ItemComparison): string[] => itemNotes(item).filter((note) => !['Added', 'Removed', 'Edited'].includes(note));

const fieldNames = { source: 'Source', agendaText: 'Agenda text', documents: 'Documents', business: 'Business' } as const;

/**
 * One item with its marks. Each of the model's steps (shared/compare/compareMeetings.ts: an item added
 * or removed, a title, a move or renumbering that is not just the item following its place, each field
 * and each changed block) is one element marked data-change, so F8 visits exactly changeCount places.
 */
function ItemDifferences({ item }: { item: ItemComparison }) {
  const whole = item.kind === 'added' || item.kind === 'removed';
  const changedBlocks = item.blocks.filter((block) => block.kind !== 'same').length;
  const placeSteps = whole ? 0 : item.changes - (item.title.changed ? 1 : 0) - item.fields.length - changedBlocks;
  const headingStep = whole || item.title.changed;
  const place = item.after ?? item.before;
  const notes = placeNotes(item);
  const step = (marked: boolean) => (marked ? { 'data-change': '', tabIndex: -1 } : {});
  return (
    <section className={`compared-item ${item.kind}`} aria-label={`Item ${place ? place.index + 1 : ''}: ${item.title.parts.map((part) => part.text).join('')}`}>
      <h3 {...step(headingStep)}>
        {place && <span className="minute-number">{place.minuteNumber}. </span>}
        <Words text={item.title} />
        {whole && <span className="change-note"> · {item.kind === 'added' ? 'Added' : 'Removed'}</span>}
      </h3>
      {notes.length > 0 && (
        <p className="change-note" {...step(placeSteps > 0)}>
          {notes.join(' · ')}
        </p>
      )}
      {item.fields.map((field) => (
        <p key={field.name} className="compared-field" {...step(true)}>
          <span className="block-label">{fieldNames[field.name]}</span> <Words text={field.text} />
        </p>
      ))}
      {item.kind === 'same' ? null : item.blocks.map((block, index) => <Block key={index} block={block} step={!whole && block.kind !== 'same'} />)}
    </section>
  );
}

function describe(meeting: Meeting, version: boolean, committees: readonly Committee[]): string {
  const committee = committees.find((candidate) => candidate.id === meeting.committeeId);
  const name = `${committee?.name ?? 'Meeting'}, ${formatProseDate(meeting.date)}`;
  return version ? `${name} as saved ${formatSavedAt(meeting.updatedAt)}` : name;
}

export function ComparisonView({ before, after, committees }: ComparisonViewProps) {
  // Worked out again after each save of the draft on the left, so it follows what the clerk types.
  const saveState = useSyncExternalStore(after.autosaver.subscribe, after.autosaver.getState);
  const afterMeeting = useMemo(() => {
    void saveState;
    return after.snapshot() ?? after.meeting;
  }, [after, saveState]);
  const comparison: MeetingComparison = useMemo(() => compareMeetings(before.meeting, afterMeeting), [before.meeting, afterMeeting]);
  const titles = { before: describe(before.meeting, before.version, committees), after: describe(afterMeeting, after.version, committees) };
  const [current, setCurrent] = useState(-1);
  const [error, setError] = useState<unknown>(null);
  const root = useRef<HTMLDivElement>(null);

  const step = (direction: 1 | -1) => {
    const changes = [...(root.current?.querySelectorAll<HTMLElement>('[data-change]') ?? [])];
    if (changes.length === 0) return;
    const next = (current + direction + changes.length) % changes.length;
    changes.forEach((change, index) => change.classList.toggle('current-change', index === next));
    changes[next]!.focus({ preventScroll: true });
    changes[next]!.scrollIntoView({ block: 'center' });
    setCurrent(next);
  };
  const stepByKey = useEffectEvent((direction: 1 | -1) => step(direction));
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (event.key !== 'F8' || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      stepByKey(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, []);

  const html = () => comparisonHtml(comparison, titles);
  const fileName = `Comparison ${before.meeting.date} and ${afterMeeting.date}.html`;
  const print = () => printDocument('Comparison for printing', html());

  const changes = comparison.changeCount;
  return (
    <div className="comparison page" ref={root}>
      <div className="comparison-toolbar" role="toolbar" aria-label="Differences">
        <span role="status" className="change-count">
          {changes === 0 ? 'No differences' : `${changes} ${changes === 1 ? 'difference' : 'differences'}`}
          {current >= 0 && changes > 0 ? ` · at ${current + 1}` : ''}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={changes === 0} aria-keyshortcuts="Shift+F8">
          Previous change
        </button>
        <button type="button" onClick={() => step(1)} disabled={changes === 0} aria-keyshortcuts="F8">
          Next change
        </button>
        <button type="button" onClick={print}>
          Print…
        </button>
        <button
          type="button"
          onClick={() => saveFile({ fileName, mediaType: 'text/html;charset=utf-8', content: html() }).catch(setError)}
        >
          Save as HTML…
        </button>
      </div>
      <ErrorMessage error={error} />
      <p className="comparison-legend">
        From <strong>{titles.before}</strong> to <strong>{titles.after}</strong>: <del>struck</del> words are only in the first, <ins>underlined</ins> words only
        in the second.
      </p>
      {comparison.details.length > 0 && (
        <section aria-label="Details changed" className="compared-details">
          <h3>Details</h3>
          <ul>
            {comparison.details.map((detail) => (
              <li key={detail.field} data-change="" tabIndex={-1}>
                {detailNames[detail.field]}: <del>{detail.before}</del> <ins>{detail.after}</ins>
              </li>
            ))}
          </ul>
        </section>
      )}
      {comparison.attendance.length > 0 && (
        <section aria-label="Attendance changed" className="compared-attendance">
          <h3>Attendance</h3>
          <ul>
            {comparison.attendance.map((change, index) => (
              <li key={index} data-change="" tabIndex={-1}>
                {attendanceListNames[change.list]}: {change.before !== null && <del>{change.before}</del>} {change.after !== null && <ins>{change.after}</ins>}
                <span className="change-note"> · {change.kind}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {comparison.items.map((item, index) => (
        <ItemDifferences key={index} item={item} />
      ))}
    </div>
  );
}
