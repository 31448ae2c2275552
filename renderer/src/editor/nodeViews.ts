// Node views for the structured blocks: each reads the way it reads in the published minutes, with
// its structure (who declared what, unanimity, parts, amendments, who was asked) editable in place.
// Plain DOM rather than React: a node view is created once per block and must not cost a React render.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import type { EditorView, NodeView, NodeViewConstructor, ViewMutationRecord } from 'prosemirror-view';
import * as blocks from '../../../shared/editor/blocks.js';
import { approvalOutcomes, partStyles, requestStatuses, type ApprovalOutcome } from '../../../shared/editor/schema.js';
import { modelCode2020 } from '../../../shared/model/declarationKinds.js';
import { addDeclaration, appendChild, declareNone, newId, replaceText, setAttrs } from './commands.js';
import { button, checkbox, choice, showValue, textField, words } from './controls.js';

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
    if (options.controlsAfter) this.dom.append(this.contentDOM, this.controls);
    else this.dom.append(this.controls, this.contentDOM);
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
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

class DeclarationView extends StructuredBlockView {
  private readonly member = textField('Member declaring', (member) => this.setAttrs({ member }));
  private readonly kind = choice(
    'Kind of interest',
    modelCode2020.map((kind) => [kind.id, kind.label] as const),
    (kind) => this.setAttrs({ kind }),
  );
  private readonly item = textField('Item', (item) => this.setAttrs({ item }));

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'declaration', label: 'Declaration of interest', contentTag: 'p' });
    this.controls.classList.add('sentence');
    this.controls.append(this.member, words(' declared a '), this.kind, words(' in item '), this.item, words(':'));
    this.sync();
  }

  protected sync(): void {
    showValue(this.member, String(this.node.attrs['member']));
    showValue(this.kind, String(this.node.attrs['kind']));
    showValue(this.item, String(this.node.attrs['item']));
  }
}

/**
 * Sent (bubbling from the block) when the clerk asks to open the minutes being approved beside the
 * draft; `detail` is the date of the meeting those minutes record (YYYY-MM-DD).
 */
export const OPEN_APPROVED_MINUTES = 'minute-book:open-approved-minutes';

/** Sent (bubbling) when the clerk records that the minutes being approved are agreed; `detail` as OPEN_APPROVED_MINUTES. */
export const AGREE_APPROVED_MINUTES = 'minute-book:agree-approved-minutes';

class MinutesApprovalView extends StructuredBlockView {
  private readonly meetingDate = textField('Date of the meeting whose minutes were agreed', (meetingDate) => this.restate({ meetingDate }), 'date');
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

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'minutes-approval', label: 'Approval of the previous minutes' });
    this.controls.append(words('Minutes of the meeting held on '), this.meetingDate, this.outcome, this.addAmendment, this.addMattersArising, this.openApproved, this.recordAgreement);
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
    showValue(this.meetingDate, String(this.node.attrs['meetingDate']));
    showValue(this.outcome, String(this.node.attrs['outcome']));
    this.openApproved.hidden = this.node.attrs['meetingDate'] === '';
    this.recordAgreement.hidden = this.node.attrs['meetingDate'] === '';
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
  private readonly askedOf = textField('Asked of', (askedOf) => this.setAttrs({ askedOf }));
  private readonly status = choice(
    'Request status',
    requestStatuses.map((status) => [status, status === 'open' ? 'Open' : 'Answered'] as const),
    (status) => this.setAttrs({ status }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'request', label: 'Request for information', contentTag: 'p', controlsAfter: true });
    this.controls.classList.add('sentence');
    this.controls.append(words('asked of '), this.askedOf, this.status);
    this.sync();
  }

  protected sync(): void {
    showValue(this.askedOf, String(this.node.attrs['askedOf']));
    showValue(this.status, String(this.node.attrs['status']));
    this.dom.dataset['status'] = String(this.node.attrs['status']);
  }
}

class ResolutionView extends StructuredBlockView {
  private readonly unanimous = checkbox('Unanimous', (unanimous) => this.setAttrs({ unanimous }));
  private readonly partStyle = choice(
    'Part numbering',
    partStyles.map((style) => [style, style] as const),
    (partStyle) => this.setAttrs({ partStyle }),
  );

  constructor(node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) {
    super(node, view, getPos, { tag: 'div', className: 'resolution', label: 'Resolution' });
    this.controls.append(
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
    this.dom.dataset['joined'] = String(blocks.preambleJoinsLead(this.node.firstChild?.textContent ?? ''));
  }
}

type ViewClass = new (node: ProseMirrorNode, view: EditorView, getPos: () => number | undefined) => NodeView;

const viewClasses: Record<string, ViewClass> = {
  declarations: DeclarationsView,
  declaration: DeclarationView,
  minutes_approval: MinutesApprovalView,
  amendment: AmendmentView,
  information_requests: InformationRequestsView,
  request: RequestView,
  resolution: ResolutionView,
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
  Object.entries(viewClasses).map(([name, ViewClass]) => [name, (node, view, getPos) => lockUnlessEditable(new ViewClass(node, view, getPos), view)]),
);
