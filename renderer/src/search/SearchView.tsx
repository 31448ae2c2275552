// Search across every meeting: the query from the sidebar, filters, ranked results with the words
// that matched marked in context. A result opens its meeting at the item.
import { useEffect, useState } from 'react';
import { MinuteBookError, type LibraryOverview, type SearchRequest } from '../../../shared/contract.js';
import { formatProseDate } from '../../../shared/dates.js';
import { municipalYearLabel, municipalYearOf } from '../../../shared/numbering.js';
import type { SearchHit } from '../../../shared/search/minutesIndex.js';
import { api } from '../api.js';
import { CommitteeSelect } from '../common/CommitteeSelect.js';
import { DateField } from '../common/DateTimeFields.js';
import { ErrorMessage } from '../common/ErrorMessage.js';

export interface MinuteToOpen {
  meetingId: string;
  itemId: string | null;
  /** Open it beside the meeting open now rather than in its place. */
  beside?: boolean;
}

interface SearchViewProps {
  query: string;
  library: LibraryOverview;
  onOpen: (minute: MinuteToOpen) => void;
}

type Filters = SearchRequest['filters'];

export function SearchView({ query, library, onOpen }: SearchViewProps) {
  const [filters, setFilters] = useState<Filters>({});
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      api.call('search:query', { query, filters }).then(
        (answer) => current && (setHits(answer.hits), setError(null)),
        (failure: unknown) => {
          if (!current) return;
          setError(failure);
          // The index is being rebuilt: ask again until it answers, as the message says how far it has got.
          if (failure instanceof MinuteBookError && failure.code === 'busy') retry = setTimeout(ask, 1500);
        },
      );
    void ask();
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [query, filters]);

  const years = [
    ...new Set(
      library.meetings.map((meeting) =>
        municipalYearOf(meeting.date, library.committees.find((c) => c.id === meeting.committeeId)?.municipalYearStartMonth ?? 5),
      ),
    ),
  ].sort((a, b) => b - a);
  const committeeName = (id: string) => library.committees.find((committee) => committee.id === id)?.name ?? '';
  const set = (change: Partial<Filters>) => setFilters((old) => ({ ...old, ...change }));

  return (
    <section className="search-view" aria-label="Search results">
      <h1>Search: “{query}”</h1>
      <div className="filters" role="group" aria-label="Filters">
        <CommitteeSelect committees={library.committees} value={filters.committeeId ?? ''} onChange={(id) => set({ committeeId: id || undefined })} allowAll />
        <label>
          Municipal year
          <select value={filters.municipalYear ?? ''} onChange={(event) => set({ municipalYear: event.target.value ? Number(event.target.value) : undefined })}>
            <option value="">All years</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {municipalYearLabel(year)}
              </option>
            ))}
          </select>
        </label>
        <DateField label="From" value={filters.from ?? ''} onChange={(from) => set({ from: from || undefined })} />
        <DateField label="To" value={filters.to ?? ''} onChange={(to) => set({ to: to || undefined })} />
        <label>
          Look in
          <select value={filters.only ?? ''} onChange={(event) => set({ only: (event.target.value || undefined) as Filters['only'] })}>
            <option value="">All the minutes</option>
            <option value="resolutions">Resolutions only</option>
            <option value="actions">Requests and actions only</option>
          </select>
        </label>
      </div>
      <ErrorMessage error={error} />
      {hits !== null && (
        <p role="status">
          {hits.length === 0 ? 'Nothing found.' : `${hits.length} result${hits.length === 1 ? '' : 's'}, best first.`}
        </p>
      )}
      <ol className="search-results">
        {hits?.map((hit) => (
          <li key={`${hit.meetingId}:${hit.itemId ?? 'attendance'}`}>
            <button type="button" className="result-link" onClick={() => onOpen({ meetingId: hit.meetingId, itemId: hit.itemId })}>
              {hit.citation ? `Minute ${hit.citation}: ` : ''}
              {hit.title}
            </button>
            <span className="result-meta">
              {' '}
              — {committeeName(hit.committeeId)}, {formatProseDate(hit.date)}
            </span>
            <p className="snippet">
              {hit.snippet.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
