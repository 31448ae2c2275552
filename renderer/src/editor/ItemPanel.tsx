// The item holding the cursor: public or private business, its attached documents, and moving or
// removing it. Re-renders only when the cursor moves to another item or that item's attributes change.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract.js';
import { formatProseDate } from '../../../shared/dates.js';
import type { ItemDocument } from '../../../shared/editor/schema.js';
import type { MinutePlace } from '../../../shared/search/citation.js';
import { api } from '../api.js';
import type { MinuteToOpen } from '../search/SearchView.js';
import { RowsEditor } from '../common/RowsEditor.js';
import { deleteItem, moveItem, setAttrs } from './commands.js';
import { citationsIn, type ResolvedReferences } from './referencesPlugin.js';

interface ItemPanelProps {
  view: EditorView | null;
  item: ProseMirrorNode | null;
  index: number;
  meetingId: string;
  readOnly: boolean;
  /** What the meeting's citations name, as the references plugin shows them (looked up as they are typed). */
  resolved: ResolvedReferences;
  onOpenMinute: (minute: MinuteToOpen) => void;
}

function itemWithId(doc: ProseMirrorNode, itemId: string): ProseMirrorNode | null {
  for (let index = 0; index < doc.childCount; index++) if (doc.child(index).attrs['id'] === itemId) return doc.child(index);
  return null;
}

interface ItemReferencesProps {
  view: EditorView;
  meetingId: string;
  itemId: string;
  resolved: ResolvedReferences;
  onOpenMinute: (minute: MinuteToOpen) => void;
}

/**
 * The earlier minutes the item cites, as its words stand in the editor (so a reference just typed is
 * there at once), and the later minutes that cite it, from the library.
 */
function ItemReferences({ view, meetingId, itemId, resolved, onOpenMinute }: ItemReferencesProps) {
  const [citedBy, setCitedBy] = useState<ChannelOutput<'references:item'>['citedBy']>([]);
  useEffect(() => {
    let current = true;
    api.call('references:item', { meetingId, itemId }).then((answer) => current && setCitedBy(answer.citedBy), () => undefined);
    return () => {
      current = false;
    };
  }, [meetingId, itemId]);
  const item = itemWithId(view.state.doc, itemId);
  // Each citation once it has been looked up, in the order the item gives them.
  const cites = item === null ? [] : citationsIn(item).filter((citation) => citation in resolved).map((citation) => ({ citation, minute: resolved[citation] ?? null }));
  const references = { cites, citedBy };
  if (references.cites.length === 0 && references.citedBy.length === 0) return null;
  const link = (place: MinutePlace) => (
    <>
      <button type="button" className="result-link" onClick={() => onOpenMinute({ meetingId: place.meetingId, itemId: place.itemId })}>
        Minute {place.citation}, {place.title} ({formatProseDate(place.date)})
      </button>{' '}
      <button
        type="button"
        className="quiet"
        aria-label={`Open minute ${place.citation} beside`}
        onClick={() => onOpenMinute({ meetingId: place.meetingId, itemId: place.itemId, beside: true })}
      >
        Beside
      </button>
    </>
  );
  return (
    <section className="item-references" aria-label="Minute references">
      {references.cites.length > 0 && (
        <>
          <h3>Cites</h3>
          <ul>
            {references.cites.map((cited) => (
              <li key={cited.citation}>{cited.minute ? link(cited.minute) : `Minute ${cited.citation} (not in this library)`}</li>
            ))}
          </ul>
        </>
      )}
      {references.citedBy.length > 0 && (
        <>
          <h3>Cited by</h3>
          <ul>
            {references.citedBy.map((place) => (
              <li key={`${place.meetingId}:${place.itemId}`}>{link(place)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function itemPosition(view: EditorView, index: number): number {
  let pos = 0;
  for (let at = 0; at < index; at++) pos += view.state.doc.child(at).nodeSize;
  return pos;
}

/** A window this short or narrow (a laptop at 200 % zoom, a split screen) starts with the panel folded, so the minutes keep the room. */
const CRAMPED = '(max-height: 600px), (max-width: 800px)';
const FOLDED_KEY = 'minute-book:item-panel-folded';

/** Whether the panel is folded: as the clerk last left it, else folded only in a cramped window (issue 13 §8: panels collapse). */
function useFolded(): [boolean, () => void] {
  const [folded, setFolded] = useState(() => {
    const kept = sessionStorage.getItem(FOLDED_KEY);
    return kept === null ? window.matchMedia(CRAMPED).matches : kept === 'true';
  });
  const toggle = () =>
    setFolded((was) => {
      sessionStorage.setItem(FOLDED_KEY, String(!was));
      return !was;
    });
  return [folded, toggle];
}

export function ItemPanel(props: ItemPanelProps) {
  const [folded, toggle] = useFolded();
  return (
    <aside className={`item-panel${folded ? ' folded' : ''}`} aria-label="This item">
      <h2>
        <button type="button" className="panel-toggle" aria-expanded={!folded} onClick={toggle} title={folded ? 'Show this item’s details' : 'Fold this panel away'}>
          This item
        </button>
      </h2>
      {!folded && <ItemDetails {...props} />}
    </aside>
  );
}

function ItemDetails({ view, item, index, meetingId, readOnly, resolved, onOpenMinute }: ItemPanelProps) {
  if (view === null || item === null) return null;
  const references = <ItemReferences view={view} meetingId={meetingId} itemId={String(item.attrs['id'])} resolved={resolved} onOpenMinute={onOpenMinute} />;
  if (readOnly) return references;
  const update = (attrs: Record<string, unknown>) => setAttrs(itemPosition(view, index), attrs)(view.state, view.dispatch);
  const run = (command: typeof deleteItem) => {
    command(view.state, view.dispatch);
    view.focus();
  };
  return (
    <>
      <label>
        Business
        <select value={String(item.attrs['business'])} onChange={(event) => update({ business: event.target.value })}>
          <option value="public">Public business</option>
          <option value="private">Private business (exempt)</option>
        </select>
      </label>
      <RowsEditor<{ title: string; sizeKb: string }>
        legend="Documents"
        noun="document"
        rows={(item.attrs['documents'] as ItemDocument[]).map((doc) => ({ title: doc.title, sizeKb: doc.sizeKb === null ? '' : String(doc.sizeKb) }))}
        columns={[
          { key: 'title', label: 'title', kind: 'text' },
          { key: 'sizeKb', label: 'size in KB', kind: 'text' },
        ]}
        blank={() => ({ title: 'Report', sizeKb: '' })}
        onChange={(rows) =>
          update({
            documents: rows.map((row) => {
              const size = Number.parseFloat(row.sizeKb);
              return { title: row.title, sizeKb: Number.isFinite(size) && size >= 0 ? size : null };
            }),
          })
        }
      />
      <div className="item-actions">
        <button type="button" onClick={() => run(moveItem(-1))} disabled={index === 0}>
          Move item up
        </button>
        <button type="button" onClick={() => run(moveItem(1))} disabled={index === view.state.doc.childCount - 1}>
          Move item down
        </button>
        <button type="button" onClick={() => run(deleteItem)} disabled={view.state.doc.childCount < 2}>
          Remove item
        </button>
      </div>
      {references}
    </>
  );
}
