import { lazy } from 'react';

// Each module loads on first visit, keeping the first paint small.
export const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const ContactsPage = lazy(() => import('../modules/contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })));
export const ContactProfilePage = lazy(() =>
  import('../modules/contact-profile/ContactProfilePage').then((m) => ({ default: m.ContactProfilePage })),
);
export const ImportsListPage = lazy(() => import('../modules/imports/ImportsListPage').then((m) => ({ default: m.ImportsListPage })));
export const ImportWizardPage = lazy(() => import('../modules/imports/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));
export const ImportDetailPage = lazy(() => import('../modules/imports/ImportDetailPage').then((m) => ({ default: m.ImportDetailPage })));
export const IdentityPage = lazy(() => import('../modules/identity/IdentityPage').then((m) => ({ default: m.IdentityPage })));
export const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
export const SettingsPage = lazy(() => import('../modules/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const SuppressionsPage = lazy(() =>
  import('../modules/suppressions/SuppressionsPage').then((m) => ({ default: m.SuppressionsPage })),
);
export const DeliveriesPage = lazy(() =>
  import('../modules/deliveries/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })),
);
export const TemplatesListPage = lazy(() =>
  import('../modules/templates/TemplatesListPage').then((m) => ({ default: m.TemplatesListPage })),
);
export const TemplateEditorPage = lazy(() =>
  import('../modules/templates/TemplateEditorPage').then((m) => ({ default: m.TemplateEditorPage })),
);
export const PreferencesPage = lazy(() =>
  import('../modules/preferences/PreferencesPage').then((m) => ({ default: m.PreferencesPage })),
);
export const CampaignsListPage = lazy(() =>
  import('../modules/campaigns/CampaignsListPage').then((m) => ({ default: m.CampaignsListPage })),
);
export const CampaignWizardPage = lazy(() =>
  import('../modules/campaigns/CampaignWizardPage').then((m) => ({ default: m.CampaignWizardPage })),
);
export const CampaignDetailPage = lazy(() =>
  import('../modules/campaigns/CampaignDetailPage').then((m) => ({ default: m.CampaignDetailPage })),
);
export const SegmentsListPage = lazy(() =>
  import('../modules/segments/SegmentsListPage').then((m) => ({ default: m.SegmentsListPage })),
);
export const SegmentComparePage = lazy(() =>
  import('../modules/segments/SegmentComparePage').then((m) => ({ default: m.SegmentComparePage })),
);
export const SegmentBuilderPage = lazy(() =>
  import('../modules/segments/SegmentBuilderPage').then((m) => ({ default: m.SegmentBuilderPage })),
);
export const ChannelRoiPage = lazy(() =>
  import('../modules/analytics/ChannelRoiPage').then((m) => ({ default: m.ChannelRoiPage })),
);
export const AttributionPage = lazy(() =>
  import('../modules/analytics/AttributionPage').then((m) => ({ default: m.AttributionPage })),
);
export const CohortsPage = lazy(() => import('../modules/analytics/CohortsPage').then((m) => ({ default: m.CohortsPage })));
export const UtmPage = lazy(() => import('../modules/utm/UtmPage').then((m) => ({ default: m.UtmPage })));
export const CostsPage = lazy(() => import('../modules/costs/CostsPage').then((m) => ({ default: m.CostsPage })));
export const TrackingPage = lazy(() => import('../modules/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })));
export const SeoOverviewPage = lazy(() => import('../modules/seo/SeoOverviewPage').then((m) => ({ default: m.SeoOverviewPage })));
export const SeoPagesPage = lazy(() => import('../modules/seo/SeoPagesPage').then((m) => ({ default: m.SeoPagesPage })));
export const SeoPageDetailPage = lazy(() => import('../modules/seo/SeoPageDetailPage').then((m) => ({ default: m.SeoPageDetailPage })));
export const SeoJobsPage = lazy(() => import('../modules/seo/SeoJobsPage').then((m) => ({ default: m.SeoJobsPage })));
export const SeoSitemapPage = lazy(() => import('../modules/seo/SeoSitemapPage').then((m) => ({ default: m.SeoSitemapPage })));
export const SeoCrawlPage = lazy(() => import('../modules/seo/SeoCrawlPage').then((m) => ({ default: m.SeoCrawlPage })));
