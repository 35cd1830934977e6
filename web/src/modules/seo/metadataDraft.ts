import type { SeoMetadata, SeoMetadataEdit, SeoMetadataHistory, SeoPage } from '../../api/types';

/** The fields the editor changes. */
export interface MetadataDraft {
  title: string;
  description: string;
  slug: string;
  canonical: string;
}

export const DRAFT_FIELDS = ['title', 'description', 'slug', 'canonical'] as const;

/** The last path segment of a URL (the page's slug as the shop serves it now). */
export function slugOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return '';
  }
}

export function draftOf(version: SeoMetadata): MetadataDraft {
  return { title: version.title, description: version.description, slug: version.slug, canonical: version.canonical };
}

/** What the editor starts from: the applied version, else the newest, else what the page serves now. */
export function initialDraft(page: SeoPage, history: SeoMetadataHistory | undefined): { draft: MetadataDraft; version: SeoMetadata | null } {
  const version = history?.versions.find((v) => v.applied) ?? history?.versions[0] ?? null;
  if (version) return { draft: draftOf(version), version };
  return { draft: { title: page.title ?? '', description: page.description ?? '', slug: slugOf(page.url), canonical: page.url }, version: null };
}

export function isDraftChanged(draft: MetadataDraft, base: MetadataDraft): boolean {
  return DRAFT_FIELDS.some((field) => draft[field] !== base[field]);
}

/** The PUT body for the fields changed against `base` (all non-empty ones when there is no version yet), applied. */
export function draftEdit(draft: MetadataDraft, base: MetadataDraft | null): Partial<SeoMetadataEdit> {
  const edit: Partial<SeoMetadataEdit> = { apply: true };
  for (const field of DRAFT_FIELDS) {
    const value = draft[field].trim();
    if (base ? draft[field] !== base[field] : value !== '') edit[field] = value;
  }
  return edit;
}
