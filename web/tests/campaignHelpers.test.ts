import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem';
import { conflictProblems, readinessLines, readinessSummary } from '../src/modules/campaigns/readiness';
import { buildScheduleBody, describeSchedule, EMPTY_SCHEDULE } from '../src/modules/campaigns/schedule';
import { EMPTY_STEP, fromStep, newVariant, stepErrors, stepFieldKey, toStepInput, variantShares } from '../src/modules/campaigns/stepForm';

describe('schedule body', () => {
  it('"now" launches without a schedule', () => {
    expect(buildScheduleBody(EMPTY_SCHEDULE)).toEqual({ ok: true, body: null });
  });

  it('builds each kind with local times as typed', () => {
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'at', at: '2026-12-01T09:00' })).toEqual({
      ok: true,
      body: { kind: 'at', at: '2026-12-01T09:00' },
    });
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'recipientLocal', date: '2026-12-01', time: '09:00' })).toEqual({
      ok: true,
      body: { kind: 'recipientLocal', date: '2026-12-01', time: '09:00' },
    });
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'recurring', cron: ' 0  9 * * MON ' })).toEqual({
      ok: true,
      body: { kind: 'recurring', cron: '0 9 * * MON' },
    });
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'recurring', until: '2027-01-31' })).toEqual({
      ok: true,
      body: { kind: 'recurring', cron: '0 9 * * MON', until: '2027-01-31T23:59:59Z' },
    });
  });

  it('names the fields to fix', () => {
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'at', at: '' })).toEqual({ ok: false, errors: { at: 'Choose the date and time.' } });
    const local = buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'recipientLocal', date: '', time: '9' });
    expect(local.ok).toBe(false);
    if (!local.ok) expect(Object.keys(local.errors).sort()).toEqual(['date', 'time']);
    expect(buildScheduleBody({ ...EMPTY_SCHEDULE, kind: 'recurring', cron: '0 9' }).ok).toBe(false);
  });

  it('describes a stored schedule', () => {
    expect(describeSchedule(null, 'Europe/Rome')).toBe('Not scheduled');
    expect(describeSchedule({ kind: 'at', at: '2026-12-01T09:00' }, 'Europe/Rome')).toBe('Once at 2026-12-01T09:00 (Europe/Rome)');
  });
});

describe('readiness display', () => {
  const problems = [
    { code: 'schedule-missing', message: 'Set when.' },
    { code: 'content-invalid', message: 'Step 1 (email): bad.', stepId: 's1' },
    { code: 'audience-missing', message: 'Choose a segment.' },
    { code: 'brand-new', message: '' },
  ];

  it('groups problems by where they are fixed', () => {
    const lines = readinessLines(problems);
    expect(lines.map((l) => l.area)).toEqual(['Audience', 'Steps', 'Schedule', 'Other']);
    expect(lines[1].stepId).toBe('s1');
    expect(lines[3].message).toBe('Brand new');
  });

  it('summarises', () => {
    expect(readinessSummary({ ready: true, problems: [] })).toBe('Ready: every check passed.');
    expect(readinessSummary({ ready: false, problems: problems.slice(0, 1) })).toBe('Not ready: 1 problem to fix.');
  });

  it('reads problems from a 409 only', () => {
    const conflict = new ApiError(409, { title: 'Not ready', problems: [{ code: 'audience-missing', message: 'Choose.' }] });
    expect(conflictProblems(conflict)).toEqual([{ code: 'audience-missing', message: 'Choose.', stepId: null }]);
    expect(conflictProblems(new ApiError(409, { detail: 'Cannot pause a draft.' }))).toBeNull();
    expect(conflictProblems(new ApiError(400, { problems: [] }))).toBeNull();
    expect(conflictProblems(new Error('x'))).toBeNull();
  });
});

describe('step body', () => {
  it('sends one inline content without variants', () => {
    const values = { ...EMPTY_STEP, name: ' Welcome ', variants: [{ ...newVariant(0, 100), subject: 'Hi', html: '<p>Hi</p>' }] };
    expect(toStepInput(values)).toEqual({ channel: 'email', name: 'Welcome', content: { subject: 'Hi', html: '<p>Hi</p>' } });
  });

  it('sends variants with their own content, holdout and delay', () => {
    const values = {
      ...EMPTY_STEP,
      abTest: true,
      holdoutPercent: 10,
      delayMinutes: 60,
      variants: [
        { ...newVariant(0), subject: 'A', html: '<p>A</p>', text: 'A' },
        { ...newVariant(1), source: 'template' as const, templateId: 't1' },
      ],
    };
    expect(toStepInput(values)).toEqual({
      channel: 'email',
      variants: [
        { name: 'A', weight: 50, content: { subject: 'A', html: '<p>A</p>', text: 'A' } },
        { name: 'B', weight: 50, templateId: 't1' },
      ],
      holdoutPercent: 10,
      delayMinutes: 60,
    });
  });

  it('checks the content before sending and maps server keys to the form', () => {
    expect(stepErrors(EMPTY_STEP)).toEqual({ subject: 'Write a subject.', html: 'Write the HTML body.' });
    expect(stepFieldKey('content.subject', false)).toBe('subject');
    expect(stepFieldKey('variants.0.content.html', false)).toBe('html');
    expect(stepFieldKey('variants.1.content.html', true)).toBe('variants.1.html');
    expect(variantShares([{ weight: 1 }, { weight: 3 }])).toEqual([25, 75]);
  });

  it('reads a saved step back', () => {
    const values = fromStep({
      id: 's',
      position: 1,
      name: 'Step 1',
      channel: 'email',
      delayMinutes: 0,
      holdoutPercent: 5,
      variants: [{ id: 'v', name: 'A', weight: 100, content: { subject: 'S', html: '<p/>' } as never }],
    });
    expect(values.abTest).toBe(false);
    expect(values.variants[0]).toMatchObject({ source: 'inline', subject: 'S', html: '<p/>' });
  });
});
