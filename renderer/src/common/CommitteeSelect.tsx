// "Committee": a choice of the library's committees, with "All committees" where a filter allows none.
import type { Committee } from '../../../shared/model/committee.js';

interface CommitteeSelectProps {
  committees: readonly Committee[];
  /** A committee id, or '' for all committees. */
  value: string;
  onChange: (committeeId: string) => void;
  /** Offer "All committees" (value ''), as filters do. */
  allowAll?: boolean;
}

export function CommitteeSelect({ committees, value, onChange, allowAll = false }: CommitteeSelectProps) {
  return (
    <label>
      Committee
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {allowAll && <option value="">All committees</option>}
        {committees.map((committee) => (
          <option key={committee.id} value={committee.id}>
            {committee.name}
          </option>
        ))}
      </select>
    </label>
  );
}
