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

interface ItemPanelProps {
  view: EditorView | null;
  item: ProseMirrorNode | null;
  index: number;
  meetingId: string;
  readOnly: boolean;
  onOpenMinute: (minute: MinuteToOpen) => void;
}

/** The earlier minutes the item cites, and the later minutes that cite it. */
function ItemReferences({ meetingId, itemId, onOpenMinute }: { meetingId: string; itemId: string; onOpenMinute: (minute: MinuteToOpen) => void }) {
  const [references, setReferences] = useState<ChannelOutput<'references:item'> | null>(null);
  useEffect(() => {
    let current = true;
    api.call('references:item', { meetingId, itemId }).then((answer) => current && setReferences(answer), () => undefined);
    return () => {
      current = false;
    };
  }, [meetingId, itemId]);
  if (references === null || (references.cites.length === 0 && references.citedBy.length === 0)) return null;
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

export function ItemPanel({ view, item, index, meetingId, readOnly, onOpenMinute }: ItemPanelProps) {
  if (view === null || item === null) return <aside className="item-panel" aria-label="This item" />;
  const references = <ItemReferences meetingId={meetingId} itemId={String(item.attrs['id'])} onOpenMinute={onOpenMinute} />;
  if (readOnly) {
    return (
      <aside className="item-panel" aria-label="This item">
        <h2>This item</h2>
        {references}
      </aside>
    );
  }
  const update = (attrs: Record<string, unknown>) => setAttrs(itemPosition(view, index), attrs)(view.state, view.dispatch);
  const run = (command: typeof deleteItem) => {
    command(view.state, view.dispatch);
    view.focus();
  };
  return (
    <aside className="item-panel" aria-label="This item">
      <h2>This item</h2>
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
    </aside>
  );
}
