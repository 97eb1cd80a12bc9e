import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { ViewCounts } from '../../shared/domain';
import { useNow } from '../i18n/useNow';
import { useSession } from '../session/SessionContext';
import { shownCounts } from './countsStore';

/** The view counts with the agent's pending actions applied: they move the moment a key is pressed. */
export function useShownCounts(): ViewCounts | null {
  const { triage } = useSession();
  const counts = useStore(triage.counts.state);
  const patches = useStore(triage.patches.state, (s) => s.patches);
  const filter = useStore(triage.query, (s) => s.filter);
  const now = useNow();
  return useMemo(() => shownCounts(counts, patches, filter, now), [counts, patches, filter, now]);
}
