import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { RequireScope } from '../auth/RequireScope';
import { LoginPage } from '../modules/auth/LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { AppShell } from './AppShell';
import * as Pages from './lazyPages';
import { PageFallback } from './PageFallback';

function page(element: ReactNode, scope?: string) {
  const content = <Suspense fallback={<PageFallback />}>{element}</Suspense>;
  return scope ? <RequireScope scope={scope}>{content}</RequireScope> : content;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Public: the signed token is the credential; no sign-in, no app shell. */}
      <Route path="/u/:token" element={page(<Pages.PreferencesPage />)} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={page(<Pages.DashboardPage />)} />
        <Route path="contacts" element={page(<Pages.ContactsPage />, 'contacts:read')} />
        <Route path="contacts/:id" element={page(<Pages.ContactProfilePage />, 'contacts:read')} />
        <Route path="imports" element={page(<Pages.ImportsListPage />, 'contacts:read')} />
        <Route path="imports/new" element={page(<Pages.ImportWizardPage />, 'imports:write')} />
        <Route path="imports/:id" element={page(<Pages.ImportDetailPage />, 'contacts:read')} />
        <Route path="identity" element={page(<Pages.IdentityPage />, 'contacts:read')} />
        <Route path="suppressions" element={page(<Pages.SuppressionsPage />, 'contacts:read')} />
        <Route path="deliveries" element={page(<Pages.DeliveriesPage />, 'deliveries:read')} />
        <Route path="content/templates" element={page(<Pages.TemplatesListPage />, 'templates:read')} />
        <Route path="content/templates/new" element={page(<Pages.TemplateEditorPage />, 'templates:write')} />
        <Route path="content/templates/:id" element={page(<Pages.TemplateEditorPage />, 'templates:read')} />
        <Route path="campaigns" element={page(<Pages.CampaignsListPage />, 'campaigns:read')} />
        <Route path="campaigns/new" element={page(<Pages.CampaignWizardPage />, 'campaigns:write')} />
        <Route path="campaigns/:id/edit" element={page(<Pages.CampaignWizardPage />, 'campaigns:write')} />
        <Route path="campaigns/:id" element={page(<Pages.CampaignDetailPage />, 'campaigns:read')} />
        <Route path="segments" element={page(<Pages.SegmentsListPage />, 'segments:read')} />
        <Route path="segments/new" element={page(<Pages.SegmentBuilderPage />, 'segments:write')} />
        <Route path="segments/compare" element={page(<Pages.SegmentComparePage />, 'segments:read')} />
        <Route path="segments/:id" element={page(<Pages.SegmentBuilderPage />, 'segments:read')} />
        <Route path="analytics" element={<Navigate to="/" replace />} />
        <Route path="analytics/channels/:channel" element={page(<Pages.ChannelRoiPage />, 'analytics:read')} />
        <Route path="analytics/attribution" element={page(<Pages.AttributionPage />, 'analytics:read')} />
        <Route path="analytics/cohorts" element={page(<Pages.CohortsPage />, 'analytics:read')} />
        <Route path="analytics/utm" element={page(<Pages.UtmPage />, 'analytics:read')} />
        <Route path="analytics/costs" element={page(<Pages.CostsPage />, 'analytics:read')} />
        <Route path="analytics/tracking" element={page(<Pages.TrackingPage />, 'analytics:read')} />
        <Route path="seo" element={page(<Pages.SeoOverviewPage />, 'seo:read')} />
        <Route path="seo/pages" element={page(<Pages.SeoPagesPage />, 'seo:read')} />
        <Route path="seo/pages/:id" element={page(<Pages.SeoPageDetailPage />, 'seo:read')} />
        <Route path="seo/jobs" element={page(<Pages.SeoJobsPage />, 'seo:read')} />
        <Route path="seo/sitemap" element={page(<Pages.SeoSitemapPage />, 'seo:read')} />
        <Route path="seo/crawl" element={page(<Pages.SeoCrawlPage />, 'seo:write')} />
        <Route path="audit" element={page(<Pages.AuditPage />, 'audit:read')} />
        <Route path="settings" element={page(<Pages.SettingsPage />)} />
        <Route path="settings/:section" element={page(<Pages.SettingsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
