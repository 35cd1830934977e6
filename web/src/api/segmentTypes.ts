// Segments and audience preview, typed by hand.
//
// The segments API (/api/v1/segments, POST /api/v1/marketing/audiences/preview) is being built on another branch and is
// not in docs/openapi.json yet. These types follow the agreed contract; once the document has them, replace each with the
// generated `components['schemas'][…]` alias in types.ts and switch endpoints/segments.ts to the typed client (the only
// two files that know about this).

import type { PageQuery } from './types';

export type SegmentType = 'dynamic' | 'static';
export const SEGMENT_TYPES: readonly SegmentType[] = ['dynamic', 'static'];

/** A criteria tree node: a group, a field condition, a consent, an event or another segment. */
export type CriteriaNode =
  | { all: CriteriaNode[] }
  | { any: CriteriaNode[] }
  | { not: CriteriaNode }
  | { field: string; op: string; value?: unknown }
  | { consent: string }
  | { event: string; op: string; value?: number; withinLastDays?: number }
  | { segment: string };

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  type: SegmentType;
  memberCount: number;
  refreshedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Present on GET /segments/{id}. */
  criteria?: CriteriaNode | null;
}

export interface SegmentQuery extends PageQuery {
  search?: string;
}

export interface SegmentInput {
  name: string;
  description?: string | null;
  type: SegmentType;
  criteria: CriteriaNode;
}

export interface SegmentMember {
  contactId: string;
  email: string | null;
  name: string | null;
  addedAt: string;
}

/** GET /segments/{id}/performance: the contract names members, reach, engagement and revenue; read defensively. */
export type SegmentPerformance = Record<string, unknown>;

export const REACH_CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const;

/** Body of POST /marketing/audiences/preview: criteria, or segments with exclusions. */
export type AudiencePreviewRequest = { criteria: CriteriaNode } | { segmentIds: string[]; excludeSegmentIds: string[] };

export interface AudiencePreview {
  size: number;
  reachable: Partial<Record<string, number>>;
  sample: { id: string; email: string | null; firstName: string | null; lastName: string | null }[];
}
