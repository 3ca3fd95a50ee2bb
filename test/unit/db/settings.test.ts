import { describe, expect, it } from 'vitest';
import { defaultAnnotator, getAnnotator, getSetting, setSetting } from '../../../renderer/src/db/settings.ts';
import { freshDb } from '../library/helpers.ts';

describe('settings', () => {
  it('store typed values by key and fall back to a local annotator', async () => {
    const database = freshDb();
    expect(await getSetting(database, 'activeRubricHash')).toBeUndefined();
    expect(await getAnnotator(database)).toEqual(defaultAnnotator);
    await setSetting(database, 'annotator', { id: 'dr-b', name: 'Dr B' });
    await setSetting(database, 'activeRubricHash', `sha256:${'0'.repeat(64)}`);
    expect(await getAnnotator(database)).toEqual({ id: 'dr-b', name: 'Dr B' });
    expect(await database.settings.get('activeRubricHash')).toEqual({ key: 'activeRubricHash', value: `sha256:${'0'.repeat(64)}` });
  });
});
