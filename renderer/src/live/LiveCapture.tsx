// Live capture: the clerk's panel during the meeting, beside the page. Keyboard first: step through the
// items, take the roll call, record comings and goings, declarations, motions and votes, and stamp the
// times, each with a key or two shown on screen. Everything goes into the same editor state as
// commands (the roll call and the times as details steps), so Ctrl+Z in the panel takes back the last
// thing recorded and Ctrl+Y brings it back, and it is saved by the one autosave.
import { format } from 'date-fns';
import type { EditorView } from 'prosemirror-view';
import { redo, undo } from 'prosemirror-history';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { formatClockTime } from '../../../shared/dates.js';
import type { AttendanceEventKind } from '../../../shared/editor/schema.js';
import type { Committee } from '../../../shared/model/committee.js';
import { barsFromVote, findDeclarationKind } from '../../../shared/model/declarationKinds.js';
import { itemNumberLabel, type Numbering } from '../editor/numberingPlugin.js';
import type { MeetingDetails } from '../meeting/meetingSession.js';
import type { Autosaver } from '../meeting/autosave.js';
import { DeclarationDialog } from './DeclarationDialog.js';
import { motionResultLabels } from '../editor/blockLabels.js';
import { showItem } from '../editor/showItem.js';
import { changeDetails, itemPos, motionsIn, moveMotion, recordAttendanceEvent, recordDeclaration, recordVote, writeAtEndOfItem, type DetailsChange } from './liveCommands.js';
import { liveActionOf, liveKeys, memberIndexOf, memberKey, type LiveAction } from './liveKeys.js';
import type { KeyedMember } from './MemberChoice.js';
import { MotionDialog } from './MotionDialog.js';
import { adjournmentEvents, listedMembers, standingAdjournment, whereabouts, withRollCall, type Whereabouts } from './presence.js';
import { VoteDialog } from './VoteDialog.js';

interface LiveCaptureProps {
  view: EditorView;
  committee: Committee;
  details: MeetingDetails;
  autosaver: Autosaver;
  /** The item holding the editor's cursor: the current item. */
  currentIndex: number;
  numbering: Numbering;
  /** Hears every change to the minutes (undo and redo included), so the panel shows the minutes as they are. */
  subscribeToMinutes: (listener: () => void) => () => void;
}

/** The time now, as stored ("14:05"). */
const clockNow = (): string => format(new Date(), 'HH:mm');

const stampActions = ['start', 'adjourn', 'close'] as const;
type Stamp = (typeof stampActions)[number];
const isStamp = (action: LiveAction): action is Stamp => (stampActions as readonly string[]).includes(action);

const memberEvents: Partial<Record<LiveAction, AttendanceEventKind>> = { arrived: 'arrived', left: 'left', 'left-for-item': 'left-for-item', returned: 'returned' };

function Key({ action }: { action: LiveAction }) {
  return <kbd>{liveKeys[action].shown}</kbd>;
}

/** A button for an action, showing its key; the key itself works anywhere in the panel. */
function ActionButton({ action, onAct, label = liveKeys[action].label }: { action: LiveAction; onAct: (action: LiveAction) => void; label?: string }) {
  return (
    <button type="button" aria-keyshortcuts={liveKeys[action].key === 'Enter' ? 'Enter' : liveKeys[action].shown} onClick={() => onAct(action)}>
      <Key action={action} /> {label}
    </button>
  );
}

/** "present", "apologies", "arrived 10.10 am", "out for this item" … for the list. */
function whereaboutsText(where: Whereabouts | undefined): string {
  if (where === undefined) return '';
  if (where.rollCall !== 'present') return where.rollCall === 'apologies' ? 'apologies' : 'absent';
  const last = where.last;
  const at = last !== null && last.time !== '' ? ` ${formatClockTime(last.time)}` : '';
  if (!where.inRoom) {
    if (last === null) return 'not yet arrived';
    return last.event === 'left-for-item' ? 'out for this item' : `left${at}`;
  }
  if (last?.event === 'arrived') return `arrived${at}`;
  if (last?.event === 'returned') return `returned${at}`;
  return 'present';
}

export function LiveCapture({ view, committee, details, autosaver, currentIndex, numbering, subscribeToMinutes }: LiveCaptureProps) {
  // What the panel shows is read from the editor's document as it renders, whenever the minutes change
  // (its own commands, typing, Ctrl+Z) and when the save state moves.
  useSyncExternalStore(subscribeToMinutes, () => view.state.doc);
  useSyncExternalStore(autosaver.subscribe, autosaver.getState);
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState('');
  const [armed, setArmed] = useState<Stamp | null>(null);
  const [asking, setAsking] = useState<'declaration' | 'motion' | 'vote' | null>(null);
  // The clock is read at every render; the timer only makes sure there is one every few seconds.
  const [, setTick] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 5_000);
    return () => clearInterval(timer);
  }, []);

  const doc = view.state.doc;
  const current = Math.max(0, Math.min(currentIndex, doc.childCount - 1));
  const numberOf = (index: number) => String(numbering.first + index);
  const items = Array.from({ length: doc.childCount }, (_, index) => ({
    number: numberOf(index),
    label: `${itemNumberLabel(doc.child(index), index, numbering)} ${doc.child(index).child(0).textContent || 'Untitled item'}`,
  }));
  const members: KeyedMember[] = listedMembers(committee.members, details.attendance).map((member, index) => ({ ...member, key: memberKey(index) }));
  const endOfCurrent = itemPos(doc, current) + doc.child(current).nodeSize - 1;
  const where = whereabouts(doc, details.attendance, members, endOfCurrent);
  const inRoom = members.filter((member) => where.get(member.name)?.inRoom);
  const motions = motionsIn(doc, current);
  const chosen = members[Math.min(selected, members.length - 1)];
  // An amendment is put before the motion it amends; otherwise the latest motion moved.
  const open = motions.filter((motion) => motion.attrs.result === '');
  const toVoteOn = open.find((motion) => motion.attrs.kind === 'amendment') ?? open.at(-1);

  // Declarations that concern the current item: who may have to leave, and who may not vote.
  const declaredHere: { member: string; kind: string; action: string }[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'declaration' && String(node.attrs['item']).trim() === numberOf(current)) {
      declaredHere.push({ member: String(node.attrs['member']), kind: String(node.attrs['kind']), action: String(node.attrs['action']) });
    }
    return node.isBlock && !node.isTextblock;
  });
  const kindLabel = (id: string) => findDeclarationKind(committee.declarationKinds, id)?.label ?? id.replace(/-/g, ' ');
  /** "a prejudicial interest", "an other registrable interest". */
  const aKind = (id: string) => {
    const label = kindLabel(id);
    return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
  };

  // The panel takes the keyboard when live capture starts; Escape in the minutes comes back to it.
  useEffect(() => {
    listRef.current?.focus();
    const back = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      listRef.current?.focus();
    };
    const editor = view.dom;
    editor.addEventListener('keydown', back);
    return () => editor.removeEventListener('keydown', back);
  }, [view]);

  // The first render of a meeting whose cursor is nowhere yet makes its first item the current one.
  useEffect(() => {
    if (currentIndex < 0) showItem(view, String(view.state.doc.child(0).attrs['id']));
  }, [currentIndex, view]);

  const dispatched = (ran: boolean, done: string) => setMessage(ran ? done : 'That could not be recorded here.');
  const liveDetails = { attendance: details.attendance, startTime: details.startTime, closingTime: details.closingTime };
  const detailsChange = (after: DetailsChange['after']): DetailsChange => ({ current: liveDetails, after });
  const adjourned = standingAdjournment(doc, endOfCurrent);

  const goToItem = (index: number) => {
    if (index < 0 || index >= doc.childCount) return;
    // The page follows: the item comes to the top, and the panel keeps the keyboard.
    showItem(view, String(doc.child(index).attrs['id']));
    setMessage(`Now at ${items[index]!.label}.`);
  };

  /** What a stamp records, in the clerk's words ("adjourned", "reconvened"). */
  const stampLabel = (which: Stamp): string => (which === 'adjourn' && adjourned !== null ? 'Reconvened now' : liveKeys[which].label);

  const stamp = (which: Stamp) => {
    const time = clockNow();
    const shown = formatClockTime(time);
    if (which === 'start') {
      dispatched(changeDetails(detailsChange({ startTime: time }))(view.state, view.dispatch), `The meeting started at ${shown}.`);
    } else if (which === 'close') {
      dispatched(changeDetails(detailsChange({ closingTime: time }))(view.state, view.dispatch), `The meeting closed at ${shown}.`);
    } else {
      // Minuted in the item where it happened, so the minutes say it between that item and the next.
      const event = adjourned === null ? 'adjourned' : 'resumed';
      dispatched(
        recordAttendanceEvent(current, { member: '', event, time, reason: '' })(view.state, view.dispatch),
        event === 'adjourned' ? `The meeting adjourned at ${shown}. Press ${liveKeys.adjourn.shown} twice again when it reconvenes.` : `The meeting reconvened at ${shown}.`,
      );
    }
  };

  const memberAction = (action: LiveAction) => {
    if (chosen === undefined) {
      setMessage('The committee has no members listed: add them to the committee, or to the attendance.');
      return;
    }
    const state = where.get(chosen.name);
    const order = members.map((member) => member.name);
    if (action === 'present' || action === 'apologies' || action === 'absent') {
      // Each key sets what it says, so a roll call of "1 P 2 P 3 P" never unmarks anyone pressed twice.
      const status = action;
      if (state?.rollCall === status) {
        setMessage(`${chosen.name} is already recorded as ${status}.`);
        return;
      }
      dispatched(changeDetails(detailsChange({ attendance: withRollCall(details.attendance, chosen, status, order) }))(view.state, view.dispatch), `${chosen.name}: ${status}.`);
      return;
    }
    const event = memberEvents[action]!;
    const arriving = event === 'arrived' || event === 'returned';
    if (state?.inRoom === arriving) {
      setMessage(`${chosen.name} is ${arriving ? 'already in' : 'not in'} the room.`);
      return;
    }
    // Leaving for an item is usually because of an interest declared in it: the minutes say so.
    const interest = declaredHere.find((declared) => declared.member === chosen.name);
    const reason = event === 'left-for-item' && interest !== undefined ? `declared ${aKind(interest.kind)}` : '';
    const time = clockNow();
    // An arrival is a member present: the roll call says so too, in the same undoable step.
    const rollCall = event === 'arrived' && state?.rollCall !== 'present' ? detailsChange({ attendance: withRollCall(details.attendance, chosen, 'present', order) }) : undefined;
    dispatched(
      recordAttendanceEvent(current, { member: chosen.name, event, time, reason }, rollCall)(view.state, view.dispatch),
      `${chosen.name}: ${liveKeys[action].label.toLowerCase()} at ${formatClockTime(time)}.`,
    );
  };

  const act = (action: LiveAction) => {
    setArmed(null);
    if (isStamp(action)) {
      // A time is stamped on the second press, so a stray key never moves the start or the close.
      if (armed !== action) {
        setArmed(action);
        const now = formatClockTime(clockNow());
        // Closing while adjourned is allowed (a meeting may end at an adjournment), but said first.
        setMessage(
          action === 'close' && adjourned !== null
            ? `The meeting stands adjourned (since ${formatClockTime(adjourned.time)}): press ${liveKeys.close.shown} again to record it closed at ${now} without reconvening, or ${liveKeys.adjourn.shown} twice to record it reconvened.`
            : `Press ${liveKeys[action].shown} again to record: ${stampLabel(action).toLowerCase()} (${now}).`,
        );
        return;
      }
      stamp(action);
      return;
    }
    switch (action) {
      case 'next-item':
        return goToItem(current + 1);
      case 'previous-item':
        return goToItem(current - 1);
      case 'write':
        writeAtEndOfItem(current)(view.state, view.dispatch);
        view.focus();
        return;
      case 'declaration':
      case 'motion':
        return setAsking(action);
      case 'vote':
        if (toVoteOn === undefined) setMessage(`No motion is waiting for a vote in this item: press ${liveKeys.motion.shown} to record one moved.`);
        else setAsking('vote');
        return;
      default:
        return memberAction(action);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    // Fields and dialogs keep their keys; so does a button for Enter.
    if (target.closest('[role="dialog"], input, select, textarea')) return;
    if (event.key === 'Enter' && target.tagName === 'BUTTON') return;
    // Ctrl+Z takes back the last thing recorded (or typed); Ctrl+Y and Ctrl+Shift+Z bring it back.
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const key = event.key.toLowerCase();
      const command = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      if (command === null) return;
      event.preventDefault();
      setArmed(null);
      const ran = (command === 'undo' ? undo : redo)(view.state, view.dispatch);
      setMessage(ran ? (command === 'undo' ? 'Undone: Ctrl+Y brings it back.' : 'Redone.') : command === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    const digit = event.ctrlKey || event.altKey || event.metaKey ? null : memberIndexOf(event.key);
    if (digit !== null && digit < members.length) {
      event.preventDefault();
      setArmed(null);
      setSelected(digit);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((at) => Math.max(0, Math.min(members.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))));
      return;
    }
    const action = liveActionOf(event);
    if (action === null) return;
    event.preventDefault();
    act(action);
  };

  const closeForm = () => setAsking(null);
  const backToPanel = () => listRef.current?.focus();
  // The adjournments minuted so far, paired with their reconvening.
  const adjournments: { from: string; to: string | null }[] = [];
  for (const event of adjournmentEvents(doc)) {
    if (event.event === 'adjourned') adjournments.push({ from: event.time, to: null });
    else if (adjournments.at(-1)?.to === null) adjournments.at(-1)!.to = event.time;
  }
  const optionId = (index: number) => `live-member-${index}`;

  return (
    <aside className="live-capture" aria-label="Live capture" onKeyDown={onKeyDown}>
      <div className="live-heading">
        <h2>Live capture</h2>
        <span className="live-clock">
          <span className="visually-hidden">Time now: </span>
          {formatClockTime(clockNow())}
        </span>
      </div>
      <p role="status" className="live-message">
        {message}
      </p>

      <section aria-label="Times" className="live-times">
        <p>
          {details.startTime === null ? 'Start time not recorded' : `Started ${formatClockTime(details.startTime)}`}
          {adjournments.map((adjournment, index) => (
            <span key={index}>
              {' '}
              · adjourned {formatClockTime(adjournment.from)}
              {adjournment.to === null ? '' : `–${formatClockTime(adjournment.to)}`}
            </span>
          ))}
          {details.closingTime !== null && ` · closed ${formatClockTime(details.closingTime)}`}
        </p>
        <div className="live-actions">
          <ActionButton action="start" onAct={act} />
          <ActionButton action="adjourn" onAct={act} label={stampLabel('adjourn')} />
          <ActionButton action="close" onAct={act} />
        </div>
      </section>

      <section aria-label="Agenda" className="live-agenda">
        <h3>
          Items <span className="live-keys"><Key action="previous-item" /> back · <Key action="next-item" /> next</span>
        </h3>
        <ol>
          {items.map((item, index) => (
            <li key={index}>
              <button type="button" tabIndex={-1} aria-current={index === current ? 'step' : undefined} onClick={() => goToItem(index)}>
                {item.label}
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section aria-label="Members" className="live-members">
        <h3>
          Who is here <span className="live-keys"><kbd>1</kbd>–<kbd>9</kbd> or <kbd>↑</kbd><kbd>↓</kbd> choose, then a key</span>
        </h3>
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Members"
          tabIndex={0}
          aria-activedescendant={chosen === undefined ? undefined : optionId(members.indexOf(chosen))}
        >
          {members.map((member, index) => {
            const state = where.get(member.name);
            return (
              <li
                key={member.name}
                id={optionId(index)}
                role="option"
                aria-selected={member === chosen}
                className={`live-member ${state?.inRoom ? 'in-room' : 'out'}`}
                onClick={() => {
                  setSelected(index);
                  listRef.current?.focus();
                }}
              >
                <kbd className="member-key">{member.key}</kbd>
                <span className="member-name">
                  {member.name}
                  {member.role === 'chair' ? ' (Chair)' : member.role === 'vice-chair' ? ' (Vice-Chair)' : ''}
                </span>
                <span className="member-status">{whereaboutsText(state)}</span>
              </li>
            );
          })}
        </ul>
        <div className="live-actions" role="group" aria-label={chosen === undefined ? 'Member' : chosen.name}>
          {(['present', 'apologies', 'absent', 'arrived', 'left', 'left-for-item', 'returned'] as const).map((action) => (
            <ActionButton key={action} action={action} onAct={act} />
          ))}
        </div>
      </section>

      <section aria-label="This item" className="live-item">
        <h3>{items[current]?.label}</h3>
        {declaredHere.map((declared) => (
          <p key={declared.member} className="live-hint">
            {declared.member} declared {aKind(declared.kind)} in this item{where.get(declared.member)?.inRoom ? ': still in the room' : ''}.
          </p>
        ))}
        {motions.length > 0 && (
          <ul className="live-motions">
            {motions.map((motion) => (
              <li key={motion.attrs.id} aria-current={motion === toVoteOn ? 'true' : undefined}>
                {motion.attrs.kind === 'amendment' ? 'Amendment' : 'Motion'}
                {motion.attrs.mover === '' ? '' : ` (${motion.attrs.mover})`}: {motion.attrs.result === '' ? 'before the meeting' : motionResultLabels[motion.attrs.result]}
              </li>
            ))}
          </ul>
        )}
        <div className="live-actions">
          <ActionButton action="declaration" onAct={act} />
          <ActionButton action="motion" onAct={act} />
          <ActionButton action="vote" onAct={act} />
          <ActionButton action="write" onAct={act} />
        </div>
        <p className="live-keys">
          <kbd>Esc</kbd> in the minutes comes back here.
        </p>
      </section>

      {asking === 'declaration' && (
        <DeclarationDialog
          members={members}
          kinds={committee.declarationKinds}
          items={items}
          item={doc.child(current).content.content.some((block) => block.type.name === 'declarations') ? '' : numberOf(current)}
          onClose={closeForm}
          afterClose={backToPanel}
          onRecord={(declaration) => {
            closeForm();
            dispatched(recordDeclaration(current, declaration)(view.state, view.dispatch), `${declaration.member}: declaration recorded.`);
          }}
        />
      )}
      {asking === 'motion' && (
        <MotionDialog
          members={inRoom}
          // Only a motion seconded is before the meeting to be amended.
          openMotions={open.filter((motion) => motion.attrs.kind === 'motion' && motion.attrs.seconder !== '').map((motion) => ({ id: motion.attrs.id, mover: motion.attrs.mover }))}
          onClose={closeForm}
          afterClose={backToPanel}
          onRecord={(moved) => {
            closeForm();
            dispatched(moveMotion(current, moved)(view.state, view.dispatch), `${moved.kind === 'amendment' ? 'Amendment' : 'Motion'} recorded: press ${liveKeys.vote.shown} when it is put to the vote.`);
          }}
        />
      )}
      {asking === 'vote' && toVoteOn !== undefined && (
        <VoteDialog
          motion={toVoteOn}
          voters={members.filter(
            (member) =>
              member.voting &&
              whereabouts(doc, details.attendance, [member], toVoteOn.pos).get(member.name)?.inRoom &&
              // A member with an interest that bars them from the vote is not asked for theirs.
              !declaredHere.some((declared) => declared.member === member.name && barsFromVote(committee.declarationKinds, declared.kind)),
          )}
          onClose={closeForm}
          afterClose={backToPanel}
          onRecord={(vote) => {
            closeForm();
            dispatched(recordVote(toVoteOn.attrs.id, vote)(view.state, view.dispatch), `Vote recorded: ${motionResultLabels[vote.result]}.`);
          }}
        />
      )}
    </aside>
  );
}

