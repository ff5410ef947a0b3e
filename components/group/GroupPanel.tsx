import type { ObserveStore } from '../observe/observe-store';
import { LeadReconcile } from './LeadReconcile';
import { MemberSubmit } from './MemberSubmit';

/** The group card in the form: a member submits their independent scores; anyone else may lead a group's reconciliation. */
export function GroupPanel({ store }: { store: ObserveStore }) {
  const r = store.current.value;
  if (!r) return null;
  if (r.group?.role === 'member') return <MemberSubmit store={store} />;
  // A finalised record scored by one observer for the group: nothing to reconcile any more.
  if (r.status === 'final' && !r.group?.independent?.length) return null;
  return <LeadReconcile store={store} />;
}
