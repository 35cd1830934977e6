import { describe, expect, it } from 'vitest';
import { groupRuleErrors, settingsChanges, toChannelRules, toDraft } from '../src/modules/costs/channelRulesForm';

const shipped = toDraft({ conversionEvents: ['purchase', 'lead', 'signup'], channelRules: null });

describe('conversion and channel rules', () => {
  it('start from the saved settings, null lists meaning shipped', () => {
    expect(shipped).toEqual({ conversionEvents: ['purchase', 'lead', 'signup'], mediums: null, searchEngines: null, socialNetworks: null, webmail: null });
    const own = toDraft({ conversionEvents: ['demo_requested'], channelRules: { mediums: { 'partner-newsletter': 'affiliate' }, searchEngines: null, socialNetworks: ['mastodon.social'], webmail: null } });
    expect(own.mediums).toEqual([{ medium: 'partner-newsletter', channel: 'affiliate' }]);
    expect(own.socialNetworks).toEqual(['mastodon.social']);
  });

  it('send only what changed: the events, or the whole rules object', () => {
    expect(settingsChanges(shipped, shipped)).toEqual({});
    expect(settingsChanges(shipped, { ...shipped, conversionEvents: ['purchase', 'demo_requested', ' '] })).toEqual({ conversionEvents: ['purchase', 'demo_requested'] });
    const changes = settingsChanges(shipped, { ...shipped, mediums: [{ medium: ' partner ', channel: 'affiliate' }, { medium: '', channel: 'email' }], webmail: ['mail.example.com'] });
    expect(changes).toEqual({ channelRules: { mediums: { partner: 'affiliate' }, searchEngines: null, socialNetworks: null, webmail: ['mail.example.com'] } });
  });

  it('restore every shipped list with all lists null (the API reads it as {})', () => {
    expect(toChannelRules(shipped)).toEqual({ mediums: null, searchEngines: null, socialNetworks: null, webmail: null });
  });

  it('put the API errors on the field they name', () => {
    const grouped = groupRuleErrors({
      conversionEvents: '1–10 event names',
      'channelRules.mediums.partner': 'One of …',
      'channelRules.webmail': 'Up to 200 host names',
      model: 'One of …',
    });
    expect(grouped.conversionEvents).toBe('1–10 event names');
    expect(grouped.mediumRows).toEqual({ partner: 'One of …' });
    expect(grouped.lists).toEqual({ webmail: 'Up to 200 host names' });
    expect(grouped.other).toEqual(['model: One of …']);
  });
});
