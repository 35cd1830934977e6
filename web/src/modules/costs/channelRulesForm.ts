import type { AnalyticsSettings, AnalyticsSettingsInput, ChannelRules } from '../../api/types';

export const HOST_LISTS = ['searchEngines', 'socialNetworks', 'webmail'] as const;
export type HostList = (typeof HOST_LISTS)[number];

export interface MediumRow {
  medium: string;
  channel: string;
}

/** The editor's state: null for a list the tenant leaves as shipped. */
export interface ConversionRulesDraft {
  conversionEvents: string[];
  mediums: MediumRow[] | null;
  searchEngines: string[] | null;
  socialNetworks: string[] | null;
  webmail: string[] | null;
}

export function toDraft(settings: Pick<AnalyticsSettings, 'conversionEvents' | 'channelRules'>): ConversionRulesDraft {
  const rules = settings.channelRules;
  return {
    conversionEvents: [...settings.conversionEvents],
    mediums: rules?.mediums ? Object.entries(rules.mediums).map(([medium, channel]) => ({ medium, channel })) : null,
    searchEngines: rules?.searchEngines ? [...rules.searchEngines] : null,
    socialNetworks: rules?.socialNetworks ? [...rules.socialNetworks] : null,
    webmail: rules?.webmail ? [...rules.webmail] : null,
  };
}

/** The channel rules to send: each custom list as typed (mediums trimmed, blank rows dropped), null where shipped; all null = `{}`. */
export function toChannelRules(draft: ConversionRulesDraft): ChannelRules {
  const mediums = draft.mediums
    ? Object.fromEntries(draft.mediums.filter((row) => row.medium.trim() !== '').map((row) => [row.medium.trim(), row.channel]))
    : null;
  const list = (values: string[] | null) => (values ? values.map((value) => value.trim()).filter(Boolean) : null);
  return { mediums, searchEngines: list(draft.searchEngines), socialNetworks: list(draft.socialNetworks), webmail: list(draft.webmail) };
}

/** Only what changed against the saved settings (the PUT leaves the rest as it is). */
export function settingsChanges(saved: ConversionRulesDraft, draft: ConversionRulesDraft): Partial<AnalyticsSettingsInput> {
  const changes: Partial<AnalyticsSettingsInput> = {};
  const events = draft.conversionEvents.map((e) => e.trim()).filter(Boolean);
  if (JSON.stringify(events) !== JSON.stringify(saved.conversionEvents)) changes.conversionEvents = events;
  const rules = toChannelRules(draft);
  if (JSON.stringify(rules) !== JSON.stringify(toChannelRules(saved))) changes.channelRules = rules;
  return changes;
}

/** The server's field errors grouped for the editor: `channelRules.mediums.cpc` goes to the mediums and to its row. */
export function groupRuleErrors(fields: Record<string, string>): {
  conversionEvents?: string;
  mediums?: string;
  mediumRows: Record<string, string>;
  lists: Partial<Record<HostList, string>>;
  other: string[];
} {
  const result: ReturnType<typeof groupRuleErrors> = { mediumRows: {}, lists: {}, other: [] };
  for (const [field, message] of Object.entries(fields)) {
    if (field === 'conversionEvents') result.conversionEvents = message;
    else if (field === 'channelRules.mediums') result.mediums = message;
    else if (field.startsWith('channelRules.mediums.')) result.mediumRows[field.slice('channelRules.mediums.'.length)] = message;
    else if (HOST_LISTS.some((list) => field === `channelRules.${list}`)) result.lists[field.slice('channelRules.'.length) as HostList] = message;
    else result.other.push(field ? `${field}: ${message}` : message);
  }
  return result;
}
