// The application's API types.
//
// Where docs/openapi.json describes a body, the type here is derived from the generated
// `components['schemas']` (src/api/schema.d.ts, `npm run gen:api`), so a change on the host shows up as a
// compile error. Where the document is less precise than the real API — enums typed as plain strings,
// JsonElement bodies, multipart uploads, or responses documented only as "200 OK" — a small local type
// says what the host actually sends, with a comment naming the host type it mirrors.

import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * A response body as the host serves it. The document types every int32 as `number | string`
 * (`"type": ["integer", "string"]`) because the host *reads* numbers from JSON strings too
 * (JsonNumberHandling.AllowReadingFromString), but it always *writes* JSON numbers. `Served<T>` narrows
 * exactly those properties back to `number`, at any depth; everything else is left as generated.
 * `call`/`unwrap` in client.ts apply it to every response.
 */
export type Served<T> = [T] extends [number | string]
  ? [number] extends [T]
    ? [string] extends [T]
      ? number
      : T
    : T
  : T extends readonly (infer U)[]
    ? Served<U>[]
    : T extends object
      ? { [K in keyof T]: Served<T[K]> }
      : T;

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
export type TokenResponse = Served<Schemas['TokenResponse']>;

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
  | 'jobs:manage';

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
export type Contact = Omit<Served<Schemas['ContactView']>, 'attributes' | 'lifecycleStage' | 'consents'> & {
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
export type BulkTagsResult = Served<Schemas['BulkTagResult']>;

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

/** GET /contacts/attributes items and the 201 body of POST (host: AttributeDefinitionView; undocumented). */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  label: string;
}

export type AttributeDefinitionCreate = Schemas['NewAttributeRequest'];

/** DELETE /contacts/{id}?erase=true; `rows` counts what was removed per table. */
export type EraseResult = Served<Schemas['ErasureResult']>;

// ---- Suppressions ---------------------------------------------------------

export const SUPPRESSION_REASONS = [
  'hard_bounce',
  'complaint',
  'invalid',
  'manual',
  'unsubscribed',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** GET /suppressions items and the body of POST (host: SuppressionView; undocumented). */
export interface Suppression {
  id: string;
  channel: string;
  address: string;
  reason: SuppressionReason;
  note: string | null;
  /** `user:{id}`, `apikey:{id}` or `system`. */
  createdBy: string;
  createdAt: string;
}

export type SuppressionInput = Schemas['NewSuppression'];

// ---- Identity -------------------------------------------------------------

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';

/** GET /identity/review items (host: ReviewView; undocumented). */
export interface IdentityReview {
  id: string;
  score: number;
  reasons: string[];
  status: ReviewStatus;
  createdAt: string;
  /** null when that contact was deleted or erased after the pair was found. */
  contact: Contact | null;
  candidate: Contact | null;
}

/** POST /identity/review/{id}/accept (host: AcceptResult; undocumented). */
export interface AcceptResult {
  mergeId: string;
  survivorId: string;
}

/** GET /identity/merges items (host: MergeView; undocumented). */
export interface IdentityMerge {
  id: string;
  survivorId: string;
  /** null when an incoming record (create or import) matched the survivor rather than a second contact. */
  mergedId: string | null;
  reason: string;
  mergedAt: string;
  mergedBy: string;
  undoneAt: string | null;
}

// ---- Imports --------------------------------------------------------------

export type ImportPreview = Served<Schemas['PreviewView']>;

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
export type ContactImport = Omit<Served<Schemas['ImportView']>, 'status'> & { status: ImportStatus };

/** GET /contacts/imports/{id}/errors items (host: RowErrorView; undocumented). */
export interface ImportRowError {
  row: number;
  field: string;
  value: string | null;
  error: string;
}

// ---- Jobs -----------------------------------------------------------------

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';

/** GET /jobs/{id} (host: JobView; undocumented). */
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

/** GET /audit items (host: AuditEntryView; undocumented). */
export interface AuditEntry {
  sequence: number;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** true when the before/after payload was removed by a GDPR erasure (the hashes still verify). */
  payloadErased: boolean;
  payloadDigest: string;
  previousHash: string;
  hash: string;
}

export interface AuditQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** GET /audit/verify (host: AuditVerification; undocumented). */
export interface AuditVerifyResult {
  valid: boolean;
  checked: number;
  firstBrokenSequence: number | null;
  reason: string | null;
}

// ---- Tenant, users, API keys ---------------------------------------------

/** PATCH /tenant: every property is sent; null leaves that setting unchanged. */
export type TenantUpdate = Schemas['TenantPatch'];

/** GET /users items and the 201 body of POST /users (host: UserView; undocumented). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

export type UserCreate = Schemas['NewUserRequest'];

/** GET /api-keys items (host: ApiKeyView; undocumented). */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type ApiKeyCreate = Schemas['NewApiKeyRequest'];

/** The 201 body of POST /api-keys; `key` is shown only here (host: NewApiKeyResponse; undocumented). */
export interface ApiKeyCreated {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  key: string;
}
