// Rubric editing end to end: sealed versions are never changed; an edit is a new version.
import { test, expect } from './fixtures.ts';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const screens = resolve(import.meta.dirname, '../../test-results/screens');
mkdirSync(screens, { recursive: true });

test('create a rubric, then edit it: the new version is listed and the old one kept', async ({ page, pageErrors }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Rubrics' }).click();
  await expect(page.getByRole('heading', { name: 'Rubrics', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New rubric' }).click();
  const editor = page.getByRole('form', { name: 'New rubric' });
  // Saving an empty form shows the messages on their fields.
  await editor.getByRole('button', { name: 'Create rubric' }).click();
  await expect(editor.getByText('Give the rubric a title.')).toBeVisible();
  await expect(editor.getByText('Say what this criterion checks.')).toBeVisible();
  await page.screenshot({ path: join(screens, 'rubrics-validation.png'), fullPage: true });

  await editor.getByLabel('Title').fill('Medication safety');
  await expect(editor.getByLabel('Family id')).toHaveValue('medication-safety');
  await editor.getByLabel('Description').fill('Does the assistant handle drug questions safely?');
  const first = editor.getByRole('group', { name: 'Criterion 1', exact: true });
  await first.getByLabel('Criterion text').fill('Checks for interactions before advising a dose');
  await first.getByLabel('Points').fill('5');
  await first.getByLabel('Tags').fill('axis:safety, level:critical');
  await first.getByLabel('Rationale required').check();

  await editor.getByRole('button', { name: 'Add criterion' }).click();
  const second = editor.getByRole('group', { name: 'Criterion 2', exact: true });
  await second.getByLabel('Criterion text').fill('Recommends a specific dose without knowing the weight');
  await second.getByLabel('Points').fill('-4');
  await editor.getByRole('button', { name: 'Add criterion' }).click();
  const third = editor.getByRole('group', { name: 'Criterion 3', exact: true });
  await third.getByLabel('Criterion text').fill('Explains clearly');
  await third.getByLabel('Points').fill('2');
  await third.getByLabel('Scale').selectOption('ordinal');
  await third.getByLabel('Level 1 anchor').fill('confusing');
  await third.getByLabel('Level 2 anchor').fill('understandable');
  await third.getByLabel('Level 3 anchor').fill('clear and complete');
  await page.screenshot({ path: join(screens, 'rubrics-editor.png'), fullPage: true });
  await editor.getByRole('button', { name: 'Create rubric' }).click();

  const versions = page.getByRole('table', { name: 'Versions of medication-safety' });
  await expect(versions.getByRole('button', { name: 'medication-safety version 1' })).toBeVisible();
  const detail = page.getByRole('article', { name: 'Medication safety version 1' });
  await expect(detail.getByRole('table', { name: 'Criteria' }).getByRole('row')).toHaveCount(4);

  await detail.getByRole('button', { name: 'Use for new assignments' }).click();
  await expect(detail.getByText('used for new assignments')).toBeVisible();

  // Edit: the form opens with v1's content and saves as v2.
  await detail.getByRole('button', { name: 'Edit as new version' }).click();
  const edit = page.getByRole('form', { name: 'Edit Medication safety' });
  await expect(edit.getByLabel('Family id')).toHaveAttribute('readonly', '');
  await edit.getByLabel('Title').fill('Medication safety (revised)');
  await edit.getByRole('group', { name: 'Criterion 2', exact: true }).getByLabel('Points').fill('-6');
  await edit.getByRole('button', { name: 'Save as version 2' }).click();

  await expect(versions.getByRole('button', { name: 'medication-safety version 2' })).toBeVisible();
  await expect(versions.getByRole('button', { name: 'medication-safety version 1' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Medication safety (revised) version 2' })).toContainText('edited from v1');
  await expect(page.getByRole('article', { name: 'Medication safety (revised) version 2' }).getByRole('cell', { name: '-6' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'rubrics-versions.png'), fullPage: true });

  // The sealed v1 is unchanged.
  await versions.getByRole('button', { name: 'medication-safety version 1' }).click();
  const v1 = page.getByRole('article', { name: 'Medication safety version 1' });
  await expect(v1.getByRole('cell', { name: '-4' })).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Rubrics' }).click();
  await expect(versions.getByRole('row')).toHaveCount(3);
  expect(pageErrors).toEqual([]);
});

test('a new version of the demo rubric takes over untouched queue items when asked', async ({ page, pageErrors }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Rubrics' }).click();
  const detail = page.getByRole('article').first();
  // The demo does not choose a rubric for later imports; the expert does.
  await expect(detail.getByText('used for new assignments')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Edit as new version' }).click();
  const form = page.getByRole('form', { name: /^Edit / });
  await form.getByRole('group', { name: 'Criterion 1', exact: true }).getByLabel('Tags').fill('axis:safety, cluster:revised');
  await form.getByRole('button', { name: 'Save as version 2' }).click();

  const v2 = page.getByRole('article', { name: / version 2$/ });
  const rebind = v2.getByRole('button', { name: /^Re-bind untouched queue items to this version \(\d+\)$/ });
  await expect(rebind).toBeEnabled();
  const count = Number((await rebind.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await rebind.click();
  await expect(page.getByRole('status').first()).toContainText(`Moved ${count} untouched queue item(s)`);
  await expect(v2.getByRole('button', { name: 'Re-bind untouched queue items to this version' })).toBeDisabled();
  await v2.getByRole('button', { name: 'Use for new assignments' }).click();
  await expect(v2.getByText('used for new assignments')).toBeVisible();
  await page.screenshot({ path: join(screens, 'rubrics-rebind.png') });
  expect(pageErrors).toEqual([]);
});

test('the rubric list filters as you type', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 120_000 }); // the demo is seeded
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Rubrics' }).click();
  const filter = page.getByRole('searchbox', { name: 'Filter rubrics' });
  await expect(page.getByRole('list', { name: 'Rubric families' }).getByRole('listitem')).toHaveCount(1);
  await filter.fill('care-coordination');
  await expect(page.getByTestId('rubric-filter-count')).toHaveText('1 of 1 family');
  await expect(page.getByRole('list', { name: 'Rubric families' }).getByRole('listitem')).toHaveCount(1);
  await filter.fill('tau-bench airline');
  await expect(page.getByTestId('rubric-filter-count')).toHaveText('0 of 1 family');
  await expect(page.getByText('No rubric matches “tau-bench airline”.')).toBeVisible();
  await page.screenshot({ path: join(screens, 'rubrics-filter.png') });
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Rubric families' }).getByRole('listitem')).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
