import { describe, expect, it } from 'vitest';
import {
  EMPTY_TEMPLATE,
  formatSample,
  fromTemplate,
  parseSample,
  templateFieldNames,
  templateSchema,
  samplesToData,
  toTemplateInput,
} from '../src/modules/templates/templateSchema';
import {
  dkimSchema,
  domainOf,
  emailSettingsSchema,
  EMPTY_EMAIL_SETTINGS,
  fromEmailSettings,
  toEmailSettingsInput,
} from '../src/modules/settings/emailSettingsSchema';
import type { EmailSettings } from '../src/api/types';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('templateSchema', () => {
  const valid = { ...EMPTY_TEMPLATE, name: 'Order confirmation', subject: 'Order {{data.order.number}}', html: '<p>Hi</p>' };

  it('needs a name, a subject and the HTML', () => {
    expect(Object.keys(issuesOf(templateSchema.safeParse(EMPTY_TEMPLATE))).sort()).toEqual(['html', 'name', 'subject']);
    expect(templateSchema.safeParse(valid).success).toBe(true);
  });

  it('checks variable names and duplicates', () => {
    const issues = issuesOf(
      templateSchema.safeParse({
        ...valid,
        variables: [
          { name: 'order.number', required: true, sample: '' },
          { name: '1bad', required: false, sample: '' },
          { name: 'order.number', required: false, sample: '' },
        ],
      }),
    );
    expect(issues['variables.1.name']).toMatch(/Letters, digits/);
    expect(issues['variables.2.name']).toBe('This variable is already declared.');
    expect(issues['variables.0.name']).toBeUndefined();
  });

  it('sends empty preheader and text as null and samples as JSON when they parse', () => {
    const input = toTemplateInput({
      ...valid,
      variables: [
        { name: 'order.number', required: true, sample: '1042' },
        { name: 'name', required: false, sample: 'Ana' },
        { name: 'items', required: false, sample: '["a","b"]' },
        { name: 'note', required: false, sample: '' },
      ],
    });
    expect(input).toMatchObject({ preheader: null, text: null });
    expect(input.variables).toEqual([
      { name: 'order.number', required: true, sample: 1042 },
      { name: 'name', required: false, sample: 'Ana' },
      { name: 'items', required: false, sample: ['a', 'b'] },
      { name: 'note', required: false },
    ]);
    expect(toTemplateInput(valid, 3)).toMatchObject({ description: null, version: 3 });
    expect(toTemplateInput(valid)).not.toHaveProperty('version');
  });

  it('round-trips a stored template', () => {
    const values = fromTemplate({
      id: 't', name: 'N', description: null, subject: 'S', preheader: null, html: '<p/>', text: null, generatedText: 'x',
      version: 1, createdBy: 'u', createdAt: '', updatedBy: 'u', updatedAt: '', archivedAt: null, warnings: [],
      variables: [{ name: 'total', required: true, sample: 12.5 }, { name: 'who', required: false, sample: 'Ana' }],
    });
    expect(values.variables).toEqual([
      { name: 'total', required: true, sample: '12.5' },
      { name: 'who', required: false, sample: 'Ana' },
    ]);
    expect(parseSample(formatSample({ a: 1 }))).toEqual({ a: 1 });
    expect(templateFieldNames(values)).toContain('variables.1.name');
  });

  it('turns the typed samples into nested message data', () => {
    expect(
      samplesToData([
        { name: 'order.number', required: true, sample: 'A-1' },
        { name: 'order.total', required: false, sample: '12.5' },
        { name: 'name', required: false, sample: '' },
        { name: 'bad name', required: false, sample: 'x' },
      ]),
    ).toEqual({ order: { number: 'A-1', total: 12.5 } });
  });
});

describe('emailSettingsSchema', () => {
  const smtp = { ...EMPTY_EMAIL_SETTINGS, fromEmail: 'news@example.com', host: '127.0.0.1', port: '2525', security: 'none' as const };

  it('needs a host for SMTP and a password with a username unless one is stored', () => {
    expect(issuesOf(emailSettingsSchema(null).safeParse({ ...smtp, host: '' }))).toHaveProperty('host');
    expect(issuesOf(emailSettingsSchema(null).safeParse({ ...smtp, username: 'u' }))).toHaveProperty('password');
    expect(emailSettingsSchema({ hasPassword: true, hasApiKey: false }).safeParse({ ...smtp, username: 'u' }).success).toBe(true);
    expect(issuesOf(emailSettingsSchema(null).safeParse({ ...smtp, port: '70000' }))).toHaveProperty('port');
  });

  it('needs base URL, domain and API key for the HTTP provider', () => {
    const issues = issuesOf(emailSettingsSchema(null).safeParse({ ...smtp, provider: 'http' }));
    expect(Object.keys(issues).sort()).toEqual(['apiKey', 'baseUrl', 'domain']);
  });

  it('sends only the chosen provider’s fields and only typed secrets', () => {
    expect(toEmailSettingsInput(smtp)).toEqual({
      provider: 'smtp', fromEmail: 'news@example.com', fromName: null, replyTo: null,
      host: '127.0.0.1', port: 2525, security: 'none', username: null,
    });
    expect(toEmailSettingsInput({ ...smtp, password: ' secret ' })).toHaveProperty('password', ' secret ');
    const http = toEmailSettingsInput({ ...smtp, provider: 'http', baseUrl: 'https://api.eu.mailgun.net', domain: 'MG.example.com', apiKey: 'key' });
    expect(http).toEqual({
      provider: 'http', fromEmail: 'news@example.com', fromName: null, replyTo: null,
      baseUrl: 'https://api.eu.mailgun.net', domain: 'mg.example.com', apiKey: 'key',
    });
  });

  it('never fills a secret from the stored settings', () => {
    const stored = { provider: 'smtp', fromEmail: 'a@b.co', fromName: null, replyTo: null, host: 'h', port: 25, security: 'none',
      username: 'u', hasPassword: true, baseUrl: null, domain: null, hasApiKey: false, hasWebhookSigningKey: false,
      webhookUrl: 'x', maxConnections: 4, messagesPerSecond: 0, dkim: null, createdAt: '', updatedAt: '' } satisfies EmailSettings;
    expect(fromEmailSettings(stored)).toMatchObject({ password: '', apiKey: '', port: '25' });
  });

  it('DKIM domain and selector', () => {
    expect(dkimSchema.safeParse({ domain: 'Example.com', selector: 'BH1' }).data).toEqual({ domain: 'example.com', selector: 'bh1' });
    expect(Object.keys(issuesOf(dkimSchema.safeParse({ domain: 'nodot', selector: '-x' }))).sort()).toEqual(['domain', 'selector']);
    expect(domainOf('News@Example.com')).toBe('example.com');
    expect(domainOf(null)).toBe('');
  });
});
