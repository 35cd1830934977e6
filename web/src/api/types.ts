// The application's API types.
//
// Every body the app sends or receives is described by docs/openapi.json, so the types here are derived
// from the generated `components['schemas']` (src/api/schema.d.ts, `npm run gen:api`) and a change on the
// host shows up as a compile error. Where the document is less precise than the real API — enums typed as
// plain strings, JsonElement bodies, multipart uploads — the generated type is narrowed, with a comment.

import type { components } from './schema';

type Schemas = components['schemas'];

/** One page of a list: the shape of the generated `PageOf…` schemas (the page number is `page`). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

// ---- Auth / session -------------------------------------------------------

export type TokenRequest = Schemas['TokenRequest'];
export type TokenResponse = Schemas['TokenResponse'];

export type Role = 'owner' | 'admin' | 'marketer' | 'agent' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'agent', 'analyst', 'viewer'];
/** The host refuses `owner` for API keys (POST /api-keys: "Role must be one of admin, marketer, agent, analyst, viewer"). */
export const API_KEY_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'owner');

export type Scope =
  | 'contacts:read'
  | 'contacts:write'
  | 'contacts:erase'
  | 'consents:write'
  | 'imports:write'
  | 'identity:write'
  | 'audit:read'
  | 'users:manage'
  | 'apikeys:manage'
  | 'tenant:manage'
  | 'jobs:read'
  | 'jobs:manage'
  | 'deliveries:read'
  | 'deliveries:manage'
  | 'messages:send'
  | 'templates:read'
  | 'templates:write'
  | 'channels:manage'
  | 'segments:read'
  | 'segments:write'
  | 'campaigns:read'
  | 'campaigns:write'
  | 'analytics:read'
  | 'analytics:manage'
  | 'events:track'
  | 'seo:read'
  | 'seo:write';

/** Every tenant has a default country and a time zone (both non-null). */
export type Tenant = Schemas['TenantView'];

/** `userId`, `email` and `displayName` are null when the caller is an API key. */
export type Me = Schemas['MeResponse'];

// ---- Contacts -------------------------------------------------------------

export const CONSENT_CHANNELS = ['email', 'sms', 'whatsapp', 'push', 'profiling'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const LEGAL_BASES = ['consent', 'contract', 'legitimate_interest', 'legal_obligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'prospect',
  'customer',
  'repeat_customer',
  'churned',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export type ExternalId = Schemas['ExternalIdView'];

export type AttributeValue = string | number | boolean | null;

/**
 * ContactView. The document types `attributes` as JsonElement and the enums as plain strings; the host
 * sends an object of attribute values, one of LIFECYCLE_STAGES (or null), and a status for every channel.
 */
export type Contact = Omit<Schemas['ContactView'], 'attributes' | 'lifecycleStage' | 'consents'> & {
  attributes: Record<string, AttributeValue>;
  lifecycleStage: LifecycleStage | null;
  consents: Record<ConsentChannel, ConsentStatus>;
};

/**
 * Body of POST /contacts and PATCH /contacts/{id}. The document types it as JsonElement (the host reads the
 * raw JSON to tell an absent property from null; host type ContactInputDoc): absent = unchanged, null = clear.
 */
export type ContactInput = Partial<
  Pick<
    Contact,
    | 'email'
    | 'phone'
    | 'firstName'
    | 'lastName'
    | 'company'
    | 'city'
    | 'country'
    | 'locale'
    | 'timezone'
    | 'lifecycleStage'
    | 'taxId'
    | 'tags'
    | 'attributes'
    | 'externalIds'
  >
>;

export const CONTACT_SORTS = [
  'createdAt',
  '-createdAt',
  'email',
  '-email',
  'lastName',
  '-lastName',
  'updatedAt',
  '-updatedAt',
] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

/** GET /contacts filters ('' = not set). The host wants consentChannel and consentStatus together or not at all. */
export interface ContactQuery extends PageQuery {
  search?: string;
  tag?: string;
  lifecycleStage?: LifecycleStage | '';
  country?: string;
  consentChannel?: ConsentChannel | '';
  consentStatus?: ConsentStatus | '';
  sort?: ContactSort;
}

export type BulkTagsRequest = Schemas['BulkTagRequest'];
export type BulkTagsResult = Schemas['BulkTagResult'];

export interface CreateContactResult {
  contact: Contact;
  /** true when the server matched an existing person and merged (200 + X-BrandHub-Merged). */
  merged: boolean;
}

export type ConsentProof = Schemas['ConsentProof'];

/** ConsentState; the document types channel, status and legal basis as plain strings. */
export type ConsentChannelState = Omit<Schemas['ConsentState'], 'channel' | 'status' | 'legalBasis'> & {
  channel: ConsentChannel;
  status: ConsentStatus;
  legalBasis: LegalBasis | null;
};

/**
 * ConsentHistoryEntry. Besides per-channel decisions the history holds the global unsubscribe and its
 * lifting, recorded with channel `all` and status `unsubscribed` / `resubscribed` (host: ConsentLedger).
 */
export type ConsentHistoryEntry = Omit<Schemas['ConsentHistoryEntry'], 'channel' | 'status' | 'legalBasis'> & {
  channel: ConsentChannel | 'all';
  status: ConsentStatus | 'unsubscribed' | 'resubscribed';
  legalBasis: LegalBasis | null;
};

export type ContactConsents = Omit<Schemas['ConsentsView'], 'channels' | 'history'> & {
  channels: ConsentChannelState[];
  history: ConsentHistoryEntry[];
};

export type ConsentChangeRequest = Schemas['ConsentChange'];
export type GlobalUnsubscribeRequest = Schemas['GlobalUnsubscribeRequest'];

export type TimelineEntry = Schemas['TimelineEntry'];

export type AttributeType = 'string' | 'number' | 'bool' | 'date';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'bool', 'date'];

/** GET /contacts/attributes items and the 201 body of POST; the document types `type` as a plain string. */
export type AttributeDefinition = Omit<Schemas['AttributeDefinitionView'], 'type'> & { type: AttributeType };

export type AttributeDefinitionCreate = Schemas['NewAttributeRequest'];

/** DELETE /contacts/{id}?erase=true; `rows` counts what was removed per table. */
export type EraseResult = Schemas['ErasureResult'];

// ---- Suppressions ---------------------------------------------------------

export const SUPPRESSION_REASONS = [
  'hard_bounce',
  'complaint',
  'invalid',
  'manual',
  'unsubscribed',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * GET /suppressions items and the body of POST (SuppressionView; the document types `reason` as a plain
 * string). `createdBy` is `user:{id}`, `apikey:{id}` or `system`.
 */
export type Suppression = Omit<Schemas['SuppressionView'], 'reason'> & { reason: SuppressionReason };

export type SuppressionInput = Schemas['NewSuppression'];

// ---- Identity -------------------------------------------------------------

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';

/**
 * GET /identity/review items (ReviewView; the document types `status` as a plain string). `contact` and
 * `candidate` are null when that contact was deleted or erased after the pair was found.
 */
export type IdentityReview = Omit<Schemas['ReviewView'], 'status' | 'contact' | 'candidate'> & {
  status: ReviewStatus;
  contact: Contact | null;
  candidate: Contact | null;
};

/** POST /identity/review/{id}/accept. */
export type AcceptResult = Schemas['AcceptResult'];

/**
 * GET /identity/merges items. `mergedId` is null when an incoming record (create or import) matched the
 * survivor rather than a second contact.
 */
export type IdentityMerge = Schemas['MergeView'];

// ---- Imports --------------------------------------------------------------

export type ImportPreview = Schemas['ImportPreviewView'];

/** csvHeader -> field ("" = ignore) */
export type ColumnMapping = Record<string, string>;

/** The `options` form field of POST /contacts/imports, sent as a JSON string (host: ImportMapping.Options). */
export interface ImportOptions {
  delimiter: string;
  tags: string[];
  consentSource: string;
}

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** ImportView; the document types `status` as a plain string. */
export type ContactImport = Omit<Schemas['ImportView'], 'status'> & { status: ImportStatus };

/** GET /contacts/imports/{id}/errors items. */
export type ImportRowError = Schemas['RowErrorView'];

// ---- Jobs -----------------------------------------------------------------

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';

/** GET /jobs/{id} (host: JobView). The /jobs endpoints do not document their responses yet; the app does not call them. */
export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  progressDone: number;
  progressTotal: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

// ---- Audit ----------------------------------------------------------------

/**
 * GET /audit items. `before`/`after` are the JSON payloads (JsonElement: `unknown`); `payloadErased` is true
 * when a GDPR erasure removed them (the hashes still verify).
 */
export type AuditEntry = Schemas['AuditEntryView'];

export interface AuditQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** GET /audit/verify. */
export type AuditVerifyResult = Schemas['AuditVerification'];

// ---- Tenant, users, API keys ---------------------------------------------

/** PATCH /tenant: a setting that is absent or null stays unchanged. */
export type TenantUpdate = Schemas['TenantPatch'];

/** GET /users items and the 201 body of POST /users (UserView; the document types `role` as a plain string). */
export type User = Omit<Schemas['UserView'], 'role'> & { role: Role };

export type UserCreate = Schemas['NewUserRequest'];

/** GET /api-keys items (ApiKeyView; the document types `role` as a plain string). */
export type ApiKey = Omit<Schemas['ApiKeyView'], 'role'> & { role: Role };

export type ApiKeyCreate = Schemas['NewApiKeyRequest'];

/** The 201 body of POST /api-keys; `key` is shown only here (NewApiKeyResponse; `role` narrowed as above). */
export type ApiKeyCreated = Omit<Schemas['NewApiKeyResponse'], 'role'> & { role: Role };

// ---- Delivery -------------------------------------------------------------

export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'failed',
  'bounced',
  'complained',
  'suppressed',
  'dead',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Statuses that are still moving on their own (the Deliveries page refreshes while any is shown). */
export const IN_FLIGHT_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending'];
/** Statuses a delivery can be re-driven from. */
export const REDRIVABLE_STATUSES: readonly DeliveryStatus[] = ['dead', 'failed'];

/** The channels the delivery engine sends on (email only until the next channels land). */
export const MESSAGE_CHANNELS = ['email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_CATEGORIES = ['transactional', 'marketing'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/**
 * GET /deliveries items (DeliveryView; the document types status and category as plain strings). `reason` says why a
 * suppressed delivery was blocked; `nextAttemptAt` is when it is next due (now, a retry time, or the end of quiet hours).
 */
export type Delivery = Omit<Schemas['DeliveryView'], 'status' | 'category'> & {
  status: DeliveryStatus;
  category: MessageCategory;
};

/** One timestamped status change (`from` is null for the first entry); TransitionView with the statuses narrowed. */
export type DeliveryTransition = Omit<Schemas['TransitionView'], 'from' | 'to'> & {
  from: DeliveryStatus | null;
  to: DeliveryStatus;
};

/** GET /deliveries/{id}: the delivery, the message's data (any JSON) and its full history, oldest first. */
export type DeliveryDetail = Omit<Schemas['DeliveryDetail'], 'delivery' | 'history'> & {
  delivery: Delivery;
  history: DeliveryTransition[];
};

/** GET /deliveries filters ('' = not set); `from`/`to` are ISO instants. */
export interface DeliveryQuery extends PageQuery {
  status?: DeliveryStatus | '';
  channel?: string;
  category?: MessageCategory | '';
  contactId?: string;
  from?: string;
  to?: string;
}

/** POST /deliveries/redrive (bulk): how many dead deliveries went back to the queue. */
export type BulkRedriveResult = Schemas['BulkRedriveResult'];

// ---- Content: email templates ----------------------------------------------

/** A value a template reads from a message's `data` (`{{data.order.number}}` → `order.number`); `sample` is any JSON value. */
export type TemplateVariable = Schemas['TemplateVariable'];

/** A finding of the HTML sanitiser (something removed on save). */
export type SanitizerWarning = Schemas['SanitizerWarning'];

/** GET /content/templates items. `archivedAt` is set for an archived template. */
export type TemplateSummary = Schemas['TemplateSummary'];

/**
 * GET /content/templates/{id} and the body of a save: the current version. `text` null means generated from the HTML
 * (`generatedText`); `warnings` (on save) is what the sanitiser removed.
 */
export type EmailTemplate = Schemas['TemplateView'];

/**
 * Body of POST /content/templates, PUT /content/templates/{id} (a new version; `version` is the one being edited, 409
 * when someone saved in between) and POST /content/templates/validate. Narrower than the generated TemplateRequest
 * (whose fields are all nullable): the form always sends every part.
 */
type TemplateRequestDoc = Schemas['TemplateRequest'];
export interface TemplateInput extends TemplateRequestDoc {
  name: string;
  description: string | null;
  subject: string;
  preheader: string | null;
  html: string;
  text: string | null;
  variables: TemplateVariable[];
  version?: number;
}

export interface TemplateQuery extends PageQuery {
  search?: string;
  /** Archived templates are listed too. */
  includeArchived?: boolean;
  sort?: string;
}

/** GET /content/templates/{id}/versions items, newest first. */
export type TemplateVersion = Schemas['TemplateVersionSummary'];

/**
 * POST /content/templates/validate: unsaved content checked as a save would check it (400 with field errors
 * otherwise): the HTML as it would be saved, the text part and what the sanitiser removes.
 */
export type TemplateCheck = Schemas['TemplateCheckView'];

/**
 * POST /content/templates/{id}/preview body. The document types `data` and `contact` as JsonObject, which
 * openapi-typescript turns into an empty record; they are any JSON objects.
 */
export interface TemplatePreviewRequest {
  data?: Record<string, unknown>;
  contact?: Record<string, unknown>;
  version?: number;
}

/** POST /content/templates/{id}/preview response: the rendered subject, preheader, HTML and text. */
export type TemplatePreview = Schemas['TemplatePreviewView'];

// ---- Channels: email sender ------------------------------------------------

export const EMAIL_PROVIDERS = ['smtp', 'http'] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/**
 * GET/PUT /channels/email/settings (EmailSenderView): the PUT body's flat shape with every secret replaced by a `has…`
 * flag; `webhookUrl` is where the HTTP provider posts its events. The document types provider and security as strings.
 */
export type EmailSettings = Omit<Schemas['EmailSenderView'], 'provider' | 'security'> & {
  provider: EmailProvider;
  security: SmtpSecurity | null;
};

/**
 * Body of PUT /channels/email/settings. The document types it as JsonElement (the host reads the raw JSON to tell an
 * absent secret, which keeps the stored one, from "", which clears it).
 */
export interface EmailSettingsInput {
  provider: EmailProvider;
  fromEmail: string;
  fromName: string | null;
  replyTo: string | null;
  host?: string | null;
  port?: number | null;
  security?: SmtpSecurity | null;
  username?: string | null;
  password?: string;
  baseUrl?: string | null;
  domain?: string | null;
  apiKey?: string;
  webhookSigningKey?: string;
}

/** POST/GET /channels/email/dkim: the DNS TXT record to publish (`strings`: the value in ≤255-byte pieces). */
export type DkimRecord = Schemas['DkimRecord'];

export type DkimRequest = Schemas['DkimKeyRequest'];

/** POST /channels/email/test: 200 when the provider accepted the message; 422 (problem) with its reply otherwise. */
export type TestEmailResult = Schemas['TestEmailResult'];

/** POST /channels/email/test body. */
export type TestEmailRequest = Schemas['TestEmailRequest'];

// ---- Preference centre (public, behind a signed unsubscribe link) ----------

export const PREFERENCE_CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const;
export type PreferenceChannel = (typeof PREFERENCE_CHANNELS)[number];

/**
 * GET/PUT /preferences/{token} (PreferencesView; the document types channel and status as strings). `email` is
 * masked (an***@example.com).
 */
export type Preferences = Omit<Schemas['PreferencesView'], 'channel' | 'channels'> & {
  /** The channel the link came in. */
  channel: PreferenceChannel;
  channels: { channel: PreferenceChannel; status: ConsentStatus; subscribed: boolean }[];
};

/** PUT /preferences/{token} (the document types the body as JsonElement): absent keys change nothing. */
export type PreferencesChange = Partial<Record<PreferenceChannel | 'unsubscribeAll', boolean>>;

// ---- Campaigns ---------------------------------------------------------------

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The lifecycle moves a campaign's `actions` lists (lower-case), in the order the UI shows them. */
export const CAMPAIGN_ACTIONS = [
  'edit',
  'launch',
  'schedule',
  'unschedule',
  'pause',
  'resume',
  'complete',
  'cancel',
  'archive',
] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** Goal presets offered by the wizard; any other text is accepted too. */
export const CAMPAIGN_GOALS = ['awareness', 'engagement', 'conversion', 'retention', 'win-back', 'lead generation'] as const;

/** GET /marketing/campaigns items (the document types `status` as a string). */
export type CampaignSummary = Omit<Schemas['CampaignSummary'], 'status'> & { status: CampaignStatus };

export interface CampaignQuery extends PageQuery {
  /** Comma-separated statuses. */
  status?: string;
  search?: string;
  goal?: string;
  sort?: string;
  templates?: boolean;
}

export type CampaignAudience = Schemas['CampaignAudience'];
export type CampaignStep = Schemas['StepView'];
export type CampaignStepVariant = Schemas['StepVariant'];

/** GET /marketing/campaigns/{id}: status and actions narrowed from strings; `schedule` is the stored schedule JSON. */
export type Campaign = Omit<Schemas['CampaignView'], 'status' | 'actions' | 'schedule'> & {
  status: CampaignStatus;
  actions: CampaignAction[];
  schedule: Record<string, unknown> | null;
};

/** Body of POST /marketing/campaigns and PATCH /marketing/campaigns/{id} (absent fields are left as they are). */
export type CampaignInput = Schemas['CampaignRequest'];

/** Inline email content of a step or variant (the document types it as JsonObject). */
export interface EmailContent {
  subject: string;
  html: string;
  text?: string | null;
  preheader?: string | null;
}

export interface VariantInput {
  name: string;
  weight: number;
  content?: EmailContent;
  templateId?: string;
}

/** Body of POST /{id}/steps and PUT /{id}/steps/{stepId}: inline `content` or a stored `templateId`. */
export interface StepInput {
  channel: 'email';
  name?: string;
  content?: EmailContent;
  templateId?: string;
  variants?: VariantInput[];
  holdoutPercent?: number;
  delayMinutes?: number;
}

/** Body of POST /{id}/schedule. `at` and `date`/`time` are local to the campaign's time zone (or each recipient's). */
export type ScheduleInput =
  | { kind: 'at'; at: string }
  | { kind: 'recipientLocal'; date: string; time: string }
  | { kind: 'recurring'; cron: string; until?: string };

export type ReadinessProblem = Schemas['ReadinessProblem'];
export type Readiness = Schemas['ReadinessView'];
export type CampaignProgress = Schemas['CampaignProgress'];
export type VariantMetrics = Schemas['VariantMetrics'];
export type FunnelStage = Schemas['FunnelStage'];
export type CampaignAlert = Schemas['AlertView'];
export type CampaignHistoryEntry = Schemas['HistoryEntry'];
export type CampaignComment = Schemas['CommentView'];
export type CampaignTemplate = Schemas['CampaignTemplateSummary'];

export const CAMPAIGN_ROLES = ['owner', 'editor', 'viewer'] as const;
export type CampaignRole = (typeof CAMPAIGN_ROLES)[number];
export type CampaignMember = Omit<Schemas['RoleView'], 'role'> & { role: CampaignRole };

export interface CampaignDeliveryQuery extends PageQuery {
  status?: string;
  stepId?: string;
  variantId?: string;
}
/** Campaign deliveries are ordinary deliveries (with campaignId, stepId, variantId set). */
export type CampaignDelivery = Delivery;

// ---- Segments ----------------------------------------------------------------
// docs/SEGMENTS.md. The document types `type` as a string and `criteria` as JsonElement (`unknown`): both are narrowed.

export const SEGMENT_TYPES = ['dynamic', 'static'] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

/** The channels an audience's reach is counted on (ChannelReach: email, sms, whatsapp, push). */
export const REACH_CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const satisfies readonly (keyof Schemas['ChannelReach'])[];
export type ChannelReach = Schemas['ChannelReach'];

/** A filter on the properties of the counted events: `sku`/`properties.sku` or `revenue`. */
export interface EventWhere {
  field: string;
  op: string;
  value?: unknown;
}

/** A criteria tree node: a group, a field condition, a consent, an event or another segment. */
export type CriteriaNode =
  | { all: CriteriaNode[] }
  | { any: CriteriaNode[] }
  | { not: CriteriaNode }
  | { field: string; op: string; value?: unknown }
  | { consent: string }
  | { event: string; op: string; value?: number; withinLastDays?: number; where?: EventWhere[] }
  | { segment: string };

export type Segment = Omit<Schemas['SegmentView'], 'type' | 'criteria'> & { type: SegmentType; criteria: CriteriaNode | null };
export type SegmentPage = Omit<Schemas['PageOfSegmentView'], 'items'> & { items: Segment[] };

/** GET /segments sort keys; `-` in front for descending (the host's default is `-updatedAt`). */
export const SEGMENT_SORTS = ['-updatedAt', 'updatedAt', 'name', '-name', '-createdAt', 'createdAt', '-memberCount', 'memberCount'] as const;
export type SegmentSort = (typeof SEGMENT_SORTS)[number];

export interface SegmentQuery extends PageQuery {
  search?: string;
  type?: SegmentType | '';
  sort?: SegmentSort | '';
}

/** POST /segments. Criteria are required for dynamic segments, optional for static ones (the snapshot's source). */
export type SegmentInput = Omit<Schemas['SegmentRequest'], 'type' | 'criteria'> & { type: SegmentType; criteria: CriteriaNode | null };
/** PATCH /segments/{id} (JsonElement in the document): absent keys are left as they are; criteria for dynamic only. */
export type SegmentPatch = Partial<Pick<SegmentInput, 'name' | 'description' | 'criteria'>>;

export type SegmentMember = Schemas['SegmentMemberView'];
export type SegmentPerformance = Schemas['SegmentPerformanceView'];
export type SegmentComparison = Schemas['SegmentComparison'];
export type MemberChangeRequest = Schemas['MemberChangeRequest'];
export type MemberChangeResult = Schemas['MemberChangeResult'];
export type SegmentRefreshResult = Schemas['RefreshResult'];

/** POST /marketing/audiences/preview: criteria, or included segments minus excluded ones (the other side null). */
export type AudiencePreviewRequest = Omit<Schemas['AudiencePreviewRequest'], 'criteria'> & { criteria: CriteriaNode | null };
export type AudiencePreview = Schemas['AudiencePreviewResult'];


// ---- Analytics: dashboard, attribution, UTM, tracking, costs -----------------

/** The channels a visit is classified into (TouchChannels.All on the host); the document types them as strings. */
export const TOUCH_CHANNELS = [
  'paid_search',
  'paid_social',
  'display',
  'affiliate',
  'organic_search',
  'organic_social',
  'email',
  'sms',
  'whatsapp',
  'push',
  'referral',
  'direct',
] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

/** Every attribution model GET /marketing/analytics/attribution computes (AttributionModels.All). */
export const ATTRIBUTION_MODELS = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'time_decay',
  'position_based',
  'markov',
  'shapley',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** The rule-based models the daily rollup (and so the dashboard) can report by: Markov and Shapley need a whole period. */
export const REPORTING_MODELS = ['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based'] as const;

export const ATTRIBUTION_GROUP_BYS = ['channel', 'campaign', 'source'] as const;
export type AttributionGroupBy = (typeof ATTRIBUTION_GROUP_BYS)[number];

export const TRACK_EVENT_TYPES = [
  'page_view',
  'view_content',
  'add_to_cart',
  'begin_checkout',
  'purchase',
  'lead',
  'signup',
  'identify',
  'custom',
] as const;

export type Kpis = Schemas['Kpis'];
/** KPI name (a key of Kpis) → relative change against the previous period (0.25 = +25 %), null when there was nothing before. */
export type KpiChange = Schemas['KpiView']['change'];
export type KpiView = Schemas['KpiView'];
export type ChannelKpis = Schemas['ChannelView'];
export type CampaignKpis = Schemas['CampaignRow'];
export type SegmentConversions = Schemas['SegmentRow'];
export type DayKpis = Schemas['DayView'];
export type DashboardView = Schemas['DashboardView'];

export interface PeriodQuery {
  /** yyyy-mm-dd, both ends included. */
  from?: string;
  to?: string;
}

export type CreditView = Schemas['CreditView'];
export type AttributionTotals = Schemas['TotalsView'];
export type TrackedAttribution = Schemas['TrackedAttributionView'];

export interface AttributionQuery {
  /** ISO 8601 instants, [from, to). */
  from?: string;
  to?: string;
  model?: string;
  groupBy?: AttributionGroupBy;
  lookbackDays?: number;
}

export type UtmRules = Schemas['UtmRulesView'];
export type UtmRulesInput = Schemas['UtmRulesRequest'];
export type UtmParameters = Schemas['UtmRequest'];
export type UtmValidation = Schemas['UtmValidation'];
export type UtmViolation = Schemas['UtmViolation'];
/** POST /utm/links; `shorten` also makes a short tracked link (`shortUrl` in the answer). */
export type UtmLinkRequest = Schemas['UtmLinkRequest'];
export type UtmLink = Schemas['UtmLink'];
export type ShortLink = Schemas['ShortLinkView'];
export const UTM_FIELDS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
export type UtmField = (typeof UTM_FIELDS)[number];

export type WriteKey = Schemas['WriteKeyView'];
export type WriteKeyInput = Schemas['WriteKeyRequest'];
export type TrackEvent = Schemas['TrackEventView'];

export interface TrackEventQuery extends PageQuery {
  type?: string;
  channel?: string;
}

export type Cost = Schemas['CostView'];
export type CostPage = Schemas['CostPage'];

export interface CostQuery extends PageQuery {
  from?: string;
  to?: string;
  channel?: string;
}

export type AnalyticsSettings = Schemas['SettingsView'];
/** PUT /marketing/analytics/settings: every field nullable, null (or absent) = unchanged. */
export type AnalyticsSettingsInput = Schemas['SettingsRequest'];
/** The tenant's own channel lists; a null list keeps the shipped one, `{}` (every list null) restores them all. */
export type ChannelRules = Schemas['ChannelRulesInput'];
export type RollupRun = Schemas['RollupRun'];

// ---- Analytics: insights, funnel, cohorts, benchmarks -----------------------

export type Insight = Schemas['Insight'];
export type InsightKind = Insight['kind'];
export type InsightSeverity = Insight['severity'];
export type InsightState = NonNullable<Insight['state']>;
export type InsightsView = Schemas['InsightsView'];

/** The funnel's default steps (the host's when `steps` is absent). */
export const DEFAULT_FUNNEL_STEPS = ['page_view', 'add_to_cart', 'begin_checkout', 'purchase'] as const;
export type FunnelRow = Schemas['FunnelRow'];
export type FunnelView = Schemas['FunnelView'];
export interface FunnelQuery extends PeriodQuery {
  /** Comma list of 2–8 event types. */
  steps?: string;
}

export type Cohort = Schemas['Cohort'];
export type CohortsView = Schemas['CohortsView'];

export type BenchmarkRating = NonNullable<Schemas['MetricRating']['rating']>;
export const BENCHMARK_INDUSTRIES = ['ecommerce', 'b2b'] as const satisfies readonly NonNullable<Schemas['BenchmarkRequest']['industry']>[];
export type BenchmarkIndustry = (typeof BENCHMARK_INDUSTRIES)[number];
export type BenchmarkBands = Schemas['BenchmarkBands'];
/** A metric's value and rating (null: no value to rate). */
export type MetricRating = Schemas['MetricRating'];
export type BenchmarkView = Schemas['BenchmarkView'];
export type BandsInput = Schemas['BandsInput'];
/** PUT /benchmarks/{channel}. A metric set to null restores its shipped bands; a metric left out stays as it is; a null industry keeps the tenant's. */
export type BenchmarkInput = Schemas['BenchmarkRequest'];

// ---- SEO ------------------------------------------------------------------

export const SEO_PAGE_KINDS = ['product', 'category', 'content'] as const satisfies readonly NonNullable<Schemas['PageInput']['kind']>[];
export type SeoPageKind = (typeof SEO_PAGE_KINDS)[number];
export type SeoSeverity = Schemas['RuleCount']['severity'];
export type SeoReport = Schemas['ReportView'];
export type SeoScoreBucket = Schemas['ScoreBucket'];
export type SeoRuleCount = Schemas['RuleCount'];
export type SeoPageRow = Schemas['PageRow'];
export type SeoPage = Schemas['PageView'];
export type SeoPageInput = Schemas['PageInput'];
export type SeoSyncResult = Schemas['SyncResult'];
export type SeoFinding = Schemas['SeoFinding'];
export type SeoAudit = Schemas['AuditView'];
export type SeoAuditRow = Schemas['AuditRow'];
export type SeoMetadata = Schemas['MetadataView'];
export type SeoMetadataHistory = Schemas['MetadataHistory'];
/** PUT /products/{id}/metadata: the fields given replace the current version's (null: unchanged). */
export type SeoMetadataEdit = Schemas['MetadataEdit'];
export type SeoBulkRequest = Schemas['BulkRequest'];
export type SeoBulkRun = Schemas['BulkView'];
export type SeoBulkState = SeoBulkRun['state'];
export type SeoCrawlRequest = Schemas['CrawlRequest'];
export type SeoSitemapSettings = Schemas['SitemapSettingsView'];
export type SeoSitemapSettingsInput = Schemas['SitemapSettingsRequest'];
export type SeoSitemapStatus = Schemas['StatusView'];
export type SeoSitemapFile = Schemas['FileView'];
export type SeoIndexNowSubmission = Schemas['SubmissionView'];
export type SeoRegenerate = Schemas['RegenerateView'];
export interface SeoPageQuery extends PageQuery {
  kind?: SeoPageKind | '';
  minScore?: number;
  maxScore?: number;
  unaudited?: boolean;
  q?: string;
  /** score | -score | url | -updated */
  sort?: string;
}
export interface SeoAuditQuery extends PageQuery {
  pageId?: string;
  url?: string;
  rule?: string;
  severity?: string;
  minScore?: number;
  maxScore?: number;
}
