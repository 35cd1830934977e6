// Hand-written from docs/API-CONTRACT.md until docs/openapi.json exists.
// When `npm run gen:api` produces src/api/schema.d.ts, these aliases can be
// re-pointed at the generated `components["schemas"][...]` types.

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

export interface TokenRequest {
  email: string;
  password: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export type Role = 'owner' | 'admin' | 'marketer' | 'agent' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'agent', 'analyst', 'viewer'];

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
  | 'jobs:read';

export interface Tenant {
  id: string;
  name: string;
  defaultCountry: string | null;
  timezone: string | null;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string | null;
  role: Role;
  scopes: string[];
  tenant: Tenant;
}

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

export interface ExternalId {
  source: string;
  externalId: string;
}

export type AttributeValue = string | number | boolean | null;

export interface Contact {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  city: string | null;
  country: string | null;
  locale: string | null;
  timezone: string | null;
  lifecycleStage: LifecycleStage | null;
  taxId: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  externalIds: ExternalId[];
  consents: Partial<Record<ConsentChannel, ConsentStatus>>;
  globalUnsubscribe: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ContactInput = Partial<
  Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'consents' | 'globalUnsubscribe'>
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

export interface ContactQuery extends PageQuery {
  search?: string;
  tag?: string;
  lifecycleStage?: LifecycleStage | '';
  country?: string;
  consentChannel?: ConsentChannel | '';
  consentStatus?: ConsentStatus | '';
  sort?: ContactSort;
}

export interface BulkTagsRequest {
  contactIds: string[];
  add: string[];
  remove: string[];
}

export interface CreateContactResult {
  contact: Contact;
  /** true when the server matched an existing person and merged (200 + X-BrandHub-Merged). */
  merged: boolean;
}

export interface ConsentProof {
  ip: string | null;
  userAgent: string | null;
  reference: string | null;
}

export interface ConsentChannelState {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string | null;
  legalBasis: LegalBasis | null;
  proof: ConsentProof | null;
  updatedAt: string | null;
}

export interface ConsentHistoryEntry {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string | null;
  legalBasis: LegalBasis | null;
  proof: ConsentProof | null;
  occurredAt: string;
  actor: string | null;
}

export interface ContactConsents {
  globalUnsubscribe: boolean;
  channels: ConsentChannelState[];
  history: ConsentHistoryEntry[];
}

export interface ConsentChangeRequest {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  legalBasis: LegalBasis;
  proof: ConsentProof;
}

export interface TimelineEntry {
  id: string;
  occurredAt: string;
  kind: string;
  summary: string;
  data: unknown;
}

export type AttributeType = 'string' | 'number' | 'bool' | 'date';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'bool', 'date'];

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  label: string;
}

export interface EraseResult {
  erasureId: string;
  erasedAt: string;
}

// ---- Suppressions ---------------------------------------------------------

export const SUPPRESSION_REASONS = [
  'hard_bounce',
  'complaint',
  'invalid',
  'manual',
  'unsubscribed',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface Suppression {
  id: string;
  channel: string;
  address: string;
  reason: SuppressionReason;
  note: string | null;
  createdAt: string;
}

export interface SuppressionInput {
  channel: string;
  address: string;
  reason: SuppressionReason;
  note: string | null;
}

// ---- Identity -------------------------------------------------------------

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';

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

export interface AcceptResult {
  mergeId: string;
  survivorId: string;
}

export interface IdentityMerge {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: string | null;
  mergedAt: string;
  undoneAt: string | null;
}

// ---- Imports --------------------------------------------------------------

export interface ImportPreview {
  fileName: string;
  rowCount: number;
  /** The delimiter the server detected. */
  delimiter?: string;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: Record<string, string>;
  /** Every mappable field for this tenant (includes attributes.<name>). */
  fields?: string[];
}

/** csvHeader -> field ("" = ignore) */
export type ColumnMapping = Record<string, string>;

export interface ImportOptions {
  delimiter: string;
  tags: string[];
  consentSource: string;
}

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ContactImport {
  id: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  jobId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface ImportRowError {
  row: number;
  field: string | null;
  value: string | null;
  error: string;
}

// ---- Jobs -----------------------------------------------------------------

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  progressDone: number | null;
  progressTotal: number | null;
  runAt: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

// ---- Audit ----------------------------------------------------------------

export interface AuditEntry {
  sequence: number;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** true when the before/after payload was removed by a GDPR erasure (the hashes still verify). */
  payloadErased?: boolean;
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

export interface AuditVerifyResult {
  valid: boolean;
  checked: number;
  firstBrokenSequence: number | null;
  reason: string | null;
}

// ---- Tenant, users, API keys ---------------------------------------------

export interface TenantUpdate {
  name: string;
  defaultCountry: string | null;
  timezone: string | null;
}

export interface User {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt?: string | null;
  disabledAt?: string | null;
}

export interface UserCreate {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role?: Role;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyCreate {
  name: string;
  role: Role;
}

export interface ApiKeyCreated {
  id: string;
  name: string;
  key: string;
  prefix: string;
}
