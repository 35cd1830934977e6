import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_TARGET,
  TITLE_TARGET,
  formatEta,
  formatPagesPerSecond,
  groupBySeverity,
  lengthCounter,
  lengthState,
  progressPercent,
  scoreBand,
  scoreChange,
  scoreColor,
  serpBreadcrumb,
  truncateSerp,
} from '../src/modules/seo/seoFormat';
import { draftEdit, initialDraft, isDraftChanged, slugOf } from '../src/modules/seo/metadataDraft';
import { bulkRefetchInterval } from '../src/modules/seo/SeoJobsPage';
import type { SeoBulkRun, SeoMetadata, SeoPage } from '../src/api/types';

describe('length counters', () => {
  it('place a length below, in or above its target range, bounds included', () => {
    expect(lengthState(0, TITLE_TARGET)).toBe('empty');
    expect(lengthState(49, TITLE_TARGET)).toBe('below');
    expect(lengthState(50, TITLE_TARGET)).toBe('in');
    expect(lengthState(60, TITLE_TARGET)).toBe('in');
    expect(lengthState(61, TITLE_TARGET)).toBe('above');
    expect(lengthState(139, DESCRIPTION_TARGET)).toBe('below');
    expect(lengthState(150, DESCRIPTION_TARGET)).toBe('in');
    expect(lengthState(161, DESCRIPTION_TARGET)).toBe('above');
  });

  it('say the count, the target and the state in words, coloured by state', () => {
    expect(lengthCounter(55, TITLE_TARGET)).toEqual({ text: '55 characters · target 50–60 · in range', state: 'in', color: 'success.main' });
    expect(lengthCounter(12, TITLE_TARGET)).toMatchObject({ text: '12 characters · target 50–60 · too short', color: 'warning.main' });
    expect(lengthCounter(170, DESCRIPTION_TARGET)).toMatchObject({ text: '170 characters · target 140–160 · too long', color: 'error.main' });
    expect(lengthCounter(1, TITLE_TARGET).text).toBe('1 character · target 50–60 · too short');
  });
});

describe('the search result preview', () => {
  it('keeps a text that fits and cuts a longer one to the limit with an ellipsis', () => {
    expect(truncateSerp('Winter boots', 60)).toBe('Winter boots');
    const title = 'Ghete de iarnă bărbați Nordic din piele, impermeabile, cu talpă antiderapantă';
    const cut = truncateSerp(title, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).toBe('Ghete de iarnă bărbați Nordic din piele, impermeabile, cu…');
  });

  it('cuts mid-word when no space is near the end, and collapses white space', () => {
    expect(truncateSerp('a'.repeat(200), 160)).toBe(`${'a'.repeat(159)}…`);
    expect(truncateSerp('  two   spaces  ', 60)).toBe('two spaces');
  });

  it('shows a URL as a breadcrumb of host and path', () => {
    expect(serpBreadcrumb('https://shop.example/p/ghete-iarna?x=1')).toBe('shop.example › p › ghete-iarna');
    expect(serpBreadcrumb('http://127.0.0.1:5000/')).toBe('127.0.0.1:5000');
    expect(serpBreadcrumb('not a url')).toBe('not a url');
  });
});

describe('score bands', () => {
  it('colour 90–100 good, 70–89 fair, below 70 poor and no score neutral', () => {
    expect([100, 90, 89, 70, 69, 0].map(scoreBand)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor']);
    expect(scoreBand(null)).toBe('none');
    expect(scoreColor(95)).toBe('success');
    expect(scoreColor(75)).toBe('warning');
    expect(scoreColor(40)).toBe('error');
    expect(scoreColor(undefined)).toBe('default');
  });

  it('write a change as old → new', () => {
    expect(scoreChange(72, 100)).toBe('72 → 100');
    expect(scoreChange(null, 67)).toBe('— → 67');
  });
});

describe('bulk run progress', () => {
  it('formats the ETA as people say it', () => {
    expect(formatEta(null)).toBe('—');
    expect(formatEta(-1)).toBe('—');
    expect(formatEta(0.2)).toBe('under 1 s');
    expect(formatEta(45)).toBe('45 s');
    expect(formatEta(60)).toBe('1 min');
    expect(formatEta(200)).toBe('3 min 20 s');
    expect(formatEta(3900)).toBe('1 h 5 min');
    expect(formatEta(7200)).toBe('2 h');
  });

  it('formats the rate and the share done', () => {
    expect(formatPagesPerSecond(null)).toBe('—');
    expect(formatPagesPerSecond(2.46)).toBe('2.5 pages/s');
    expect(formatPagesPerSecond(31.2)).toBe('31 pages/s');
    expect(progressPercent(0, 0, 0)).toBe(0);
    expect(progressPercent(40, 10, 200)).toBe(25);
    expect(progressPercent(200, 5, 200)).toBe(100);
  });

  it('polls every 2 s only while a run is queued or running', () => {
    const run = (state: SeoBulkRun['state']) => ({ state }) as SeoBulkRun;
    const page = (...items: SeoBulkRun[]) => ({ items, page: 1, pageSize: 25, total: items.length });
    expect(bulkRefetchInterval(undefined)).toBe(false);
    expect(bulkRefetchInterval(page(run('succeeded'), run('cancelled')))).toBe(false);
    expect(bulkRefetchInterval(page(run('succeeded'), run('running')))).toBe(2000);
    expect(bulkRefetchInterval(page(run('queued')))).toBe(2000);
  });
});

describe('findings', () => {
  it('group by severity, most severe first', () => {
    const groups = groupBySeverity([
      { ruleId: 'title-length', severity: 'low' },
      { ruleId: 'noindex', severity: 'critical' },
      { ruleId: 'h1-missing', severity: 'high' },
      { ruleId: 'missing-lang', severity: 'low' },
    ]);
    expect(groups.map((g) => [g.severity, g.items.map((f) => f.ruleId)])).toEqual([
      ['critical', ['noindex']],
      ['high', ['h1-missing']],
      ['low', ['title-length', 'missing-lang']],
    ]);
  });
});

describe('the metadata draft', () => {
  const page = { url: 'https://shop.example/p/ghete-iarna', title: 'Ghete', description: null } as SeoPage;
  const version = (n: number, applied: boolean) =>
    ({ version: n, applied, title: `T${n}`, description: `D${n}`, slug: `s${n}`, canonical: `https://shop.example/${n}` }) as SeoMetadata;

  it('starts from the applied version, else the newest, else what the page serves', () => {
    expect(initialDraft(page, { pageId: 'p', appliedVersion: 1, versions: [version(2, false), version(1, true)] }).draft.title).toBe('T1');
    expect(initialDraft(page, { pageId: 'p', appliedVersion: null, versions: [version(2, false), version(1, false)] }).version?.version).toBe(2);
    expect(initialDraft(page, { pageId: 'p', appliedVersion: null, versions: [] })).toEqual({
      draft: { title: 'Ghete', description: '', slug: 'ghete-iarna', canonical: 'https://shop.example/p/ghete-iarna' },
      version: null,
    });
    expect(slugOf('nope')).toBe('');
  });

  it('sends only the changed fields, applied', () => {
    const base = { title: 'T', description: 'D', slug: 's', canonical: 'c' };
    expect(isDraftChanged(base, { ...base })).toBe(false);
    expect(draftEdit({ ...base, title: ' New title ' }, base)).toEqual({ apply: true, title: 'New title' });
    expect(draftEdit({ title: 'T', description: '', slug: 's', canonical: '' }, null)).toEqual({ apply: true, title: 'T', slug: 's' });
  });
});
