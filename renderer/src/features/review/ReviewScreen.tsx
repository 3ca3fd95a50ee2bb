// The Review screen: the annotator's queue, or the desk for one queue item.
// On first mount it reopens whatever review was open when the app last closed.
import { useEffect, useState } from 'react';
import { db } from '../../db/database.ts';
import { getAnnotator } from '../../db/settings.ts';
import { activity, flushSaves, openItem, persistSession } from './actions.ts';
import { installBenchHook } from './bench-hook.ts';
import { listenForInput } from './perf.ts';
import { CheatSheet } from './CheatSheet.tsx';
import { DeskView } from './DeskView.tsx';
import { useReviewKeys } from './keys.ts';
import { NoticeBar } from './NoticeBar.tsx';
import { QueueView } from './queue/QueueView.tsx';
import { loadQueue, readSession } from './review-data.ts';
import { useReview } from './store.ts';
import './review.css';

installBenchHook();
listenForInput();

let restored = false;

async function boot(): Promise<string> {
  const annotator = await getAnnotator(db());
  // The queue in order, so a desk restored straight after a reload knows its place.
  const queueList = useReview.getState().queueList.length ? useReview.getState().queueList : await loadQueue(db(), annotator.id);
  useReview.setState({ annotatorId: annotator.id, queueList });
  if (!restored) {
    restored = true;
    const session = await readSession(db());
    if (session?.queueItemId) await openItem(session.queueItemId, session);
  }
  return annotator.name;
}

/** Saves what is pending whenever the page may be going away. */
function useFlushOnLeave(): void {
  useEffect(() => {
    const flush = () => {
      void flushSaves();
      void persistSession(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const poke = () => activity.poke();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pointerdown', poke, { passive: true });
    window.addEventListener('keydown', poke, { passive: true });
    window.addEventListener('wheel', poke, { passive: true });
    activity.start();
    return () => {
      flush();
      activity.stop();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pointerdown', poke);
      window.removeEventListener('keydown', poke);
      window.removeEventListener('wheel', poke);
    };
  }, []);
}

export function ReviewScreen() {
  const view = useReview((s) => s.view);
  const [annotatorName, setAnnotatorName] = useState('');
  useEffect(() => {
    boot().then(setAnnotatorName, (e: unknown) => useReview.setState({ loadError: e instanceof Error ? e.message : String(e) }));
  }, []);
  useReviewKeys();
  useFlushOnLeave();
  return (
    <div className="review">
      {view === 'desk' ? <DeskView /> : <QueueView annotatorName={annotatorName} />}
      <NoticeBar />
      <CheatSheet />
    </div>
  );
}
