// One-line feedback for keyboard actions ("Evidence attached…", "Not submitted: …").
import { useEffect } from 'react';
import { useReview } from './store.ts';

export function NoticeBar() {
  const notice = useReview((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => useReview.setState((s) => (s.notice?.id === notice.id ? { notice: null } : s)), notice.kind === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(t);
  }, [notice]);
  return (
    <div className="rv-notice" role="status" aria-live="polite" data-kind={notice?.kind} data-testid="notice">
      {notice?.text ?? ''}
    </div>
  );
}
