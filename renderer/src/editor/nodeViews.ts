// Node views for the structured blocks: each reads the way it reads in the published minutes, with
// its structure (who declared what, unanimity, parts, amendments, who was asked) editable in place.
// Plain DOM rather than React: a node view is created once per block and must not cost a React render.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import type { Decoration, EditorView, NodeView, NodeViewConstructor, ViewMutationRecord } from 'prosemirror-view';
import * as blocks from '../../../shared/editor/blocks.js';
import {
  approvalOutcomes,
  attendanceEventKinds,
  castingVotes,
  declarationActions,
  motionResults,
  partStyles,
  requestStatuses,
  resolutionLeads,
  type ApprovalOutcome,
  type AttendanceEventAttrs,
  type MotionAttrs,
  type NamedVote,
  type ResolutionLead,
  type VoteCounts,
} from '../../../shared/editor/schema.js';
import { attendanceEventText } from '../../../shared/model/attendanceEvents.js';
import { declarationKindLabel } from '../../../shared/model/declarationKinds.js';
import { countsOf, voteResult } from '../../../shared/model/votes.js';
import { attendanceEventLabels, declarationActionLabels, motionResultLabels } from './blockLabels.js';
import { addDeclaration, appendChild, declareNone, newId, replaceText, setAttrs } from './commands.js';
import { dateEntry, timeEntry } from '../common/enteredField.js';
import { button, checkbox, choice, enteredField, fillChoice, fillList, listedField, showValue, textField, words } from './controls.js';
import { numberingKey } from './numberingPlugin.js';
import { meetingContextOf } from './meetingContext.js';

abstract class StructuredBlockView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  protected readonly controls: HTMLElement;

  constructor(
    protected node: ProseMirrorNode,
    protected readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    options: { tag: string; className: string; label: string; contentTag?: string; controlsAfter?: boolean },
  ) {
    this.dom = document.createElement(options.tag);
    this.dom.className = options.className;
    this.dom.setAttribute('role', 'group');
    this.dom.setAttribute('aria-label', options.label);
    this.controls = document.createElement('div');
    this.controls.className = 'block-controls';
    this.controls.contentEditable = 'false';
    this.contentDOM = document.createElement(options.contentTag ?? 'div');
    this.contentDOM.className = 'block-content';
    // Escape in the block's controls (reached from the cursor with Ctrl+.) goes back to the cursor.
    this.controls.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      this.view.focus();
    });
    if (options.controlsAfter) this.dom.append(this.contentDOM, this.controls);
    else this.dom.append(this.controls, this.contentDOM);
  }

  /** The decorations on the block itself (meetingContext's marks among them), as last given. */
  protected decorations: readonly Decoration[] = [];

  update(node: ProseMirrorNode, decorations: readonly Decoration[] = []): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.decorations = decorations;
    this.sync();
    return true;
  }

  /** Brings the controls in line with the node's attributes. */
  protected abstract sync(): void;

  protected get pos(): number {
    const pos = this.getPos();
    if (pos === undefined) throw new Error('node view used after its node was removed');
    return pos;
  }

  protected run(command: Command): void {
    command(this.view.state, this.view.dispatch);
  }

  /** For buttons: run the command and give the editor focus, so typing goes into what was added. */
  protected act(command: Command): void {
    this.run(command);
    this.view.focus();
  }

  protected setAttrs(attrs: Record<string, unknown>): void {
    this.run(setAttrs(this.pos, attrs));
  }

  /** Key presses and clicks in the controls belong to them, not to the editor. */
  stopEvent(event: Event): boolean {
    return this.controls.contains(event.target as Node);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}

class DeclarationsView extends StructuredBlockView {
  private readonly noneButton: HTMLButtonElement;

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'declarations', label: 'Declarations of interests', controlsAfter: true });
    this.noneButton = button('No declarations', () => this.act(declareNone(this.pos)));
    this.controls.append(button('Add declaration', () => this.act(addDeclaration(this.pos))), this.noneButton);
    this.sync();
  }

  protected sync(): void {
    this.noneButton.hidden = this.node.firstChild?.type.name === 'declarations_none';
  }
}

/** The people a person field offers (meetingContext.ts peopleOf). */
const peopleChoices = (view: EditorView): [string, string][] => meetingContextOf(view.state).people.map((name) => [name, '']);

/** The meeting's items as a declaration names them ("5"), each with its title beside. */
function itemChoices(view: EditorView): [string, string][] {
  const first = numberingKey.getState(view.state)?.numbering.first ?? 1;
  const choices: [string, string][] = [];
  view.state.doc.forEach((item, _offset, index) => choices.push([String(first + index), item.firstChild?.textContent ?? '']));
  return choices;
}

class DeclarationView extends StructuredBlockView {
  private readonly member = listedField('Member declaring', (member) => this.setAttrs({ member }));
  // The committee's own kinds (a preset scheme, or its own list), read when the clerk opens the choice.
  private readonly kind = choice('Kind of interest', [], (kind) => this.setAttrs({ kind }));
  private readonly item = listedField('Item', (item) => this.setAttrs({ item }));
  private readonly action = choice(
    'What the member did',
    declarationActions.map((action) => [action, declarationActionLabels[action]] as const),
    (action) => this.setAttrs({ action }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'declaration', label: 'Declaration of interest', contentTag: 'p' });
    this.controls.classList.add('sentence');
    this.controls.append(this.member.input, this.member.list, words(' declared a '), this.kind, words(' in item '), this.item.input, this.item.list, this.action, words(':'));
    for (const control of [this.kind, this.member.input, this.item.input]) control.addEventListener('focus', () => this.sync());
    this.sync();
  }

  protected sync(): void {
    const kinds = meetingContextOf(this.view.state).declarationKinds;
    const kind = String(this.node.attrs['kind']);
    fillChoice(this.kind, kinds.map((option) => [option.id, option.label] as const), kind);
    // A kind the committee no longer lists still reads in words.
    const own = this.kind.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(kind)}"]`);
    if (own !== null && own.text === kind) own.text = declarationKindLabel(kinds, kind);
    fillList(this.member.list, peopleChoices(this.view));
    fillList(this.item.list, itemChoices(this.view));
    showValue(this.member.input, String(this.node.attrs['member']));
    showValue(this.item.input, String(this.node.attrs['item']));
    showValue(this.action, String(this.node.attrs['action']));
  }
}

/**
 * Sent (bubbling from the block) when the clerk asks to open the minutes being approved beside the
 * draft; `detail` is the date of the meeting those minutes record (YYYY-MM-DD).
 */
export const OPEN_APPROVED_MINUTES = 'minute-book:open-approved-minutes';

/** Sent (bubbling) when the clerk records that the minutes being approved are agreed; `detail` as OPEN_APPROVED_MINUTES. */
export const AGREE_APPROVED_MINUTES = 'minute-book:agree-approved-minutes';

/** The accessible name of the approval block's date field, by which a check on that date finds it. */
export const APPROVED_MEETING_DATE_LABEL = 'Date of the meeting whose minutes were agreed';

class MinutesApprovalView extends StructuredBlockView {
  private readonly meetingDate = enteredField(APPROVED_MEETING_DATE_LABEL, dateEntry, (meetingDate) => this.restate({ meetingDate }));
  private readonly outcome = choice(
    'Outcome',
    [
      ['agreed', 'Agreed'],
      ['agreed-with-amendments', 'Agreed subject to amendments'],
    ],
    (outcome) => this.restate({ outcome }),
  );
  private readonly addAmendment = button('Add amendment', () => this.act(this.insertAmendment()));
  private readonly addMattersArising = button('Add matters arising', () => this.act(appendChild(this.pos, blocks.mattersArising())));
  private readonly openApproved = button('Open the minutes being approved', () =>
    this.dom.dispatchEvent(new CustomEvent<string>(OPEN_APPROVED_MINUTES, { bubbles: true, detail: String(this.node.attrs['meetingDate']) })),
  );
  private readonly recordAgreement = button('Record the agreement…', () =>
    this.dom.dispatchEvent(new CustomEvent<string>(AGREE_APPROVED_MINUTES, { bubbles: true, detail: String(this.node.attrs['meetingDate']) })),
  );

  private readonly agreedNote = words(' — agreed, and recorded with those minutes');

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[] = []) {
    super(node, view, getPos, { tag: 'div', className: 'minutes-approval', label: 'Approval of the previous minutes' });
    this.decorations = decorations;
    this.controls.append(
      words('Minutes of the meeting held on '),
      this.meetingDate.wrapper,
      this.outcome,
      this.agreedNote,
      this.addAmendment,
      this.addMattersArising,
      this.openApproved,
      this.recordAgreement,
    );
    this.sync();
  }

  /** Amendments go before matters arising, which always come last. */
  private insertAmendment(): Command {
    return (state, dispatch) => {
      const last = this.node.lastChild;
      if (last?.type.name !== 'matters_arising') return appendChild(this.pos, blocks.amendment())(state, dispatch);
      const at = this.pos + this.node.nodeSize - 1 - last.nodeSize;
      if (dispatch) dispatch(state.tr.insert(at, state.schema.nodeFromJSON(blocks.amendment())));
      return true;
    };
  }

  /** Changing the date or outcome rewrites the statement; the clerk may then reword it. */
  private restate(change: { meetingDate?: string; outcome?: string }): void {
    const attrs = { ...this.node.attrs, ...change } as { meetingDate: string; outcome: ApprovalOutcome };
    if (!approvalOutcomes.includes(attrs.outcome)) return;
    this.setAttrs(attrs);
    this.run(replaceText(this.pos + 1, blocks.approvalStatement(attrs.meetingDate, attrs.outcome)));
  }

  protected sync(): void {
    this.meetingDate.field.show(String(this.node.attrs['meetingDate']));
    showValue(this.outcome, String(this.node.attrs['outcome']));
    this.openApproved.hidden = this.node.attrs['meetingDate'] === '';
    // Once the agreement is recorded with the earlier minutes, this block says what they record: it is not changed here again.
    const recorded = this.decorations.some((decoration) => (decoration.spec as { agreedHere?: boolean }).agreedHere === true);
    this.recordAgreement.hidden = this.node.attrs['meetingDate'] === '' || recorded;
    this.agreedNote.hidden = !recorded;
    for (const control of [this.meetingDate.field.input, this.outcome, this.addAmendment]) control.toggleAttribute('disabled', recorded || !this.view.editable);
    // The amendments' own fields too (meetingContext's filter refuses any change to them once recorded).
    for (const control of this.contentDOM.querySelectorAll('.amendment > .block-controls input')) control.toggleAttribute('disabled', recorded || !this.view.editable);
    this.dom.dataset['outcome'] = String(this.node.attrs['outcome']);
    let hasMattersArising = false;
    this.node.forEach((child) => {
      if (child.type.name === 'matters_arising') hasMattersArising = true;
    });
    this.addMattersArising.hidden = hasMattersArising;
  }
}

class AmendmentView extends StructuredBlockView {
  private readonly minute = textField('Minute amended', (minute) => this.setAttrs({ minute }));
  private readonly heading = textField('Heading of the amended minute', (heading) => this.setAttrs({ heading }));

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'amendment', label: 'Amendment', contentTag: 'blockquote' });
    this.controls.classList.add('sentence');
    this.controls.append(words('Amendment to Minute '), this.minute, words(' headed '), this.heading);
    this.sync();
  }

  protected sync(): void {
    showValue(this.minute, String(this.node.attrs['minute']));
    showValue(this.heading, String(this.node.attrs['heading']));
  }
}

class InformationRequestsView extends StructuredBlockView {
  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'information-requests', label: 'Requests for information', controlsAfter: true });
    this.controls.append(button('Add request', () => this.act(appendChild(this.pos, blocks.request(newId())))));
  }

  protected sync(): void {}
}

class RequestView extends StructuredBlockView {
  private readonly askedOf = listedField('Asked of', (askedOf) => this.setAttrs({ askedOf }));
  private readonly status = choice(
    'Request status',
    requestStatuses.map((status) => [status, status === 'open' ? 'Open' : 'Answered'] as const),
    (status) => this.setAttrs({ status }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'request', label: 'Request for information', contentTag: 'p', controlsAfter: true });
    this.controls.classList.add('sentence');
    this.controls.append(words('asked of '), this.askedOf.input, this.askedOf.list, this.status);
    this.askedOf.input.addEventListener('focus', () => this.sync());
    this.sync();
  }

  protected sync(): void {
    fillList(this.askedOf.list, peopleChoices(this.view));
    showValue(this.askedOf.input, String(this.node.attrs['askedOf']));
    showValue(this.status, String(this.node.attrs['status']));
    this.dom.dataset['status'] = String(this.node.attrs['status']);
  }
}

class ResolutionView extends StructuredBlockView {
  private readonly lead = choice(
    'Decision words',
    resolutionLeads.map((lead) => [lead, blocks.resolutionLead({ unanimous: false, lead })] as const),
    (lead) => this.setAttrs({ lead }),
  );
  private readonly unanimous = checkbox('Unanimous', (unanimous) => this.setAttrs({ unanimous }));
  private readonly partStyle = choice(
    'Part numbering',
    partStyles.map((style) => [style, style] as const),
    (partStyle) => this.setAttrs({ partStyle }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'resolution', label: 'Resolution' });
    this.controls.append(
      this.lead,
      this.unanimous.wrapper,
      this.partStyle,
      button('Add part', () => this.act(appendChild(this.pos, blocks.resolutionPart()))),
      button('Add bullets', () => this.act(appendChild(this.pos, blocks.bulletList()))),
    );
    this.sync();
  }

  protected sync(): void {
    const unanimous = this.node.attrs['unanimous'] === true;
    this.unanimous.input.checked = unanimous;
    showValue(this.partStyle, String(this.node.attrs['partStyle']));
    this.dom.dataset['unanimous'] = String(unanimous);
    this.dom.dataset['partStyle'] = String(this.node.attrs['partStyle']);
    showValue(this.lead, String(this.node.attrs['lead']));
    // The printed lead goes before the preamble (CSS), with a space unless punctuation follows it.
    const joined = blocks.preambleJoinsLead(this.node.firstChild?.textContent ?? '');
    const lead = blocks.resolutionLead({ unanimous, lead: this.node.attrs['lead'] as ResolutionLead });
    this.dom.style.setProperty('--lead', JSON.stringify(joined ? lead : `${lead} `));
  }
}

/** The people the meeting's attendance names, for movers, seconders and comings and goings. */
function nameChoice(select: HTMLSelectElement, view: EditorView, value: string, nobody: string): void {
  fillChoice(select, [['', nobody], ...meetingContextOf(view.state).names.map((name) => [name, name] as const)], value);
}

const sides = ['for', 'against', 'abstain'] as const;
const sideLabels = { for: 'For', against: 'Against', abstain: 'Abstain' } as const;

/**
 * A motion or amendment: who moved and seconded it, what became of it and the vote. Counts or a
 * recorded vote set the result (shared/model/votes.ts) while it is a vote's result; on a tie the
 * Chair's casting vote is asked for. The paragraphs are the words moved.
 */
class MotionView extends StructuredBlockView {
  private readonly kind = choice(
    'Motion or amendment',
    [
      ['motion', 'Motion'],
      ['amendment', 'Amendment'],
    ],
    (kind) => this.setAttrs({ kind, amends: kind === 'motion' ? '' : this.node.attrs['amends'] }),
  );
  private readonly amends = choice('Amendment of', [], (amends) => this.setAttrs({ amends }));
  private readonly mover = choice('Moved by', [], (mover) => this.setAttrs({ mover }));
  private readonly seconder = choice('Seconded by', [], (seconder) => this.setAttrs({ seconder }));
  private readonly result = choice(
    'Result',
    motionResults.map((result) => [result, motionResultLabels[result]] as const),
    (result) => this.setAttrs({ result }),
  );
  private readonly unanimous = checkbox('Unanimous', (unanimous) => this.setAttrs({ unanimous, ...(unanimous ? { result: 'carried' } : {}) }));
  private readonly counts = sides.map((side) => textField(`Votes ${sideLabels[side].toLowerCase()}`, () => this.countsChanged(), 'number'));
  private readonly named = checkbox('Recorded vote', (on) => this.voteChanged({ counts: null, named: on ? { for: [], against: [], abstain: [] } : null }));
  private readonly names = sides.map((side) => textField(`Named ${sideLabels[side].toLowerCase()}`, () => this.namesChanged()));
  private readonly countsGroup = document.createElement('span');
  private readonly namesGroup = document.createElement('span');
  private readonly castingVote = choice(
    'Chair’s casting vote',
    castingVotes.map((vote) => [vote, vote === '' ? 'Casting vote not given' : `Casting vote ${vote}`] as const),
    (castingVote) => this.voteChanged({ castingVote: castingVote as MotionAttrs['castingVote'] }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'motion', label: 'Motion', controlsAfter: true });
    this.counts.forEach((field) => (field.min = '0'));
    this.countsGroup.className = 'vote-fields';
    this.countsGroup.append(...this.counts.flatMap((field, index) => [words(` ${sideLabels[sides[index]!]} `), field]));
    this.namesGroup.className = 'vote-fields';
    this.namesGroup.append(...this.names.flatMap((field, index) => [words(` ${sideLabels[sides[index]!]}: `), field]));
    const moved = document.createElement('div');
    moved.className = 'block-controls-line';
    moved.append(this.kind, this.amends, words(' moved by '), this.mover, words(' seconded by '), this.seconder);
    const vote = document.createElement('div');
    vote.className = 'block-controls-line';
    vote.append(this.result, this.unanimous.wrapper, this.countsGroup, this.named.wrapper, this.namesGroup, this.castingVote);
    this.controls.append(moved, vote);
    for (const select of [this.amends, this.mover, this.seconder]) select.addEventListener('focus', () => this.sync());
    this.sync();
  }

  private get attrs(): MotionAttrs {
    return this.node.attrs as MotionAttrs;
  }

  /** A vote's counts or names changed: while the result is a vote's (or not yet given), it follows them. */
  private voteChanged(change: Partial<MotionAttrs>): void {
    const next = { ...this.attrs, ...change };
    const vote = next.named ?? next.counts;
    if (vote !== null && (next.result === '' || next.result === 'carried' || next.result === 'lost')) {
      const result = voteResult(vote, next.castingVote);
      next.result = result === 'tie' ? '' : result;
    }
    this.setAttrs(next as unknown as Record<string, unknown>);
  }

  private countsChanged(): void {
    const values = this.counts.map((field) => field.value.trim());
    if (values.every((value) => value === '')) return this.voteChanged({ counts: null });
    const [yes, no, abstain] = values.map((value) => Math.max(0, Number.parseInt(value, 10) || 0)) as [number, number, number];
    this.voteChanged({ counts: { for: yes, against: no, abstain } });
  }

  private namesChanged(): void {
    const lists = this.names.map((field) => field.value.split(',').map((name) => name.trim()).filter(Boolean));
    this.voteChanged({ named: { for: lists[0]!, against: lists[1]!, abstain: lists[2]! } });
  }

  protected sync(): void {
    const attrs = this.attrs;
    showValue(this.kind, attrs.kind);
    // An amendment amends one of the motions of its item.
    const motions: (readonly [string, string])[] = [['', 'Amendment of …']];
    const $pos = this.view.state.doc.resolve(this.pos);
    $pos.parent.forEach((block) => {
      if (block.type.name === 'motion' && block.attrs['kind'] === 'motion' && block.attrs['id'] !== attrs.id) {
        motions.push([String(block.attrs['id']), `the motion moved by ${String(block.attrs['mover']) || 'a member'}`]);
      }
    });
    fillChoice(this.amends, motions, attrs.amends);
    this.amends.hidden = attrs.kind !== 'amendment';
    nameChoice(this.mover, this.view, attrs.mover, 'Mover not recorded');
    nameChoice(this.seconder, this.view, attrs.seconder, 'Not seconded');
    showValue(this.result, attrs.result);
    this.unanimous.input.checked = attrs.unanimous;
    const counts: VoteCounts | null = attrs.named === null ? attrs.counts : countsOf(attrs.named);
    this.counts.forEach((field, index) => {
      if (attrs.named === null) showValue(field, counts === null ? '' : String(counts[sides[index]!]));
    });
    this.countsGroup.hidden = attrs.named !== null || attrs.unanimous;
    this.named.input.checked = attrs.named !== null;
    this.namesGroup.hidden = attrs.named === null;
    this.names.forEach((field, index) => {
      if (attrs.named !== null && document.activeElement !== field) field.value = (attrs.named as NamedVote)[sides[index]!].join(', ');
    });
    // The casting vote is asked for only on a tie.
    this.castingVote.hidden = counts === null || counts.for !== counts.against || counts.for + counts.against === 0;
    showValue(this.castingVote, attrs.castingVote);
    this.dom.dataset['kind'] = attrs.kind;
    this.dom.dataset['result'] = attrs.result;
  }
}

/**
 * A coming or going at this item. Changing who or what rewrites the sentence in the council's words
 * (shared/model/attendanceEvents.ts); the clerk may then reword it.
 */
class AttendanceEventView extends StructuredBlockView {
  private readonly member = choice('Who', [], (member) => this.restate({ member }));
  private readonly event = choice(
    'What happened',
    attendanceEventKinds.map((event) => [event, attendanceEventLabels[event]] as const),
    (event) => this.restate({ event: event as AttendanceEventAttrs['event'] }),
  );
  private readonly time = enteredField('Time', timeEntry, (time) => this.restate({ time }));
  private readonly reason = textField('Reason', (reason) => this.restate({ reason }));

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'attendance-event', label: 'Attendance', contentTag: 'p', controlsAfter: true });
    this.controls.classList.add('sentence');
    this.controls.append(this.member, this.event, this.time.wrapper, this.reason);
    this.member.addEventListener('focus', () => this.sync());
    this.sync();
  }

  private restate(change: Partial<AttendanceEventAttrs>): void {
    const attrs = { ...(this.node.attrs as AttendanceEventAttrs), ...change };
    this.setAttrs(attrs as unknown as Record<string, unknown>);
    this.run(replaceText(this.pos, attendanceEventText(attrs)));
  }

  protected sync(): void {
    nameChoice(this.member, this.view, String(this.node.attrs['member']), 'The meeting');
    showValue(this.event, String(this.node.attrs['event']));
    this.time.field.show(String(this.node.attrs['time']));
    showValue(this.reason, String(this.node.attrs['reason']));
  }
}

type ViewClass = new (node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]) => NodeView;

const viewClasses: Record<string, ViewClass> = {
  declarations: DeclarationsView,
  declaration: DeclarationView,
  minutes_approval: MinutesApprovalView,
  amendment: AmendmentView,
  information_requests: InformationRequestsView,
  request: RequestView,
  resolution: ResolutionView,
  motion: MotionView,
  attendance_event: AttendanceEventView,
};

/** In a read-only meeting the blocks' controls show their values but cannot change them. */
function lockUnlessEditable(nodeView: NodeView, view: EditorView): NodeView {
  if (!view.editable) {
    nodeView.dom?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('.block-controls :is(input, select, button)').forEach((control) => {
      control.disabled = true;
    });
  }
  return nodeView;
}

export const nodeViews: Record<string, NodeViewConstructor> = Object.fromEntries(
  Object.entries(viewClasses).map(([name, ViewClass]) => [name, (node, view, getPos, decorations) => lockUnlessEditable(new ViewClass(node, view, getPos, decorations), view)]),
);
