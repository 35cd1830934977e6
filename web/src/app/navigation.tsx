import type { ReactElement } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PeopleIcon from '@mui/icons-material/People';
import MergeTypeIcon from '@mui/icons-material/MergeType';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import BlockIcon from '@mui/icons-material/Block';
import PolicyIcon from '@mui/icons-material/Policy';
import SettingsIcon from '@mui/icons-material/Settings';
import OutboxIcon from '@mui/icons-material/Outbox';
import ArticleIcon from '@mui/icons-material/Article';
import CampaignIcon from '@mui/icons-material/Campaign';
import SegmentIcon from '@mui/icons-material/Segment';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import LinkIcon from '@mui/icons-material/Link';
import PaymentsIcon from '@mui/icons-material/Payments';
import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import GridOnIcon from '@mui/icons-material/GridOn';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';

export interface NavItem {
  label: string;
  path: string;
  icon: ReactElement;
  section: string;
  /** Hidden from the navigation when the user lacks this scope. */
  scope?: string;
  description: string;
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Dashboard', path: '/', icon: <DashboardIcon />, section: 'Analytics', description: 'Revenue, spend, ROAS and CAC by channel, with the audience' },
  { label: 'Contacts', path: '/contacts', icon: <PeopleIcon />, section: 'Audience', scope: 'contacts:read', description: 'Unified profiles with consent and timeline' },
  { label: 'Identity review', path: '/identity', icon: <MergeTypeIcon />, section: 'Audience', scope: 'contacts:read', description: 'Possible duplicates waiting for a decision' },
  { label: 'Imports', path: '/imports', icon: <UploadFileIcon />, section: 'Audience', scope: 'contacts:read', description: 'CSV imports with mapping, preview and error reports' },
  { label: 'Suppressions', path: '/suppressions', icon: <BlockIcon />, section: 'Audience', scope: 'contacts:read', description: 'Addresses that are never sent to' },
  { label: 'Segments', path: '/segments', icon: <SegmentIcon />, section: 'Audience', scope: 'segments:read', description: 'Criteria trees with live size and reach per channel' },
  { label: 'Campaigns', path: '/campaigns', icon: <CampaignIcon />, section: 'Engage', scope: 'campaigns:read', description: 'Goal, audience, steps and schedule, with live progress and metrics' },
  { label: 'Deliveries', path: '/deliveries', icon: <OutboxIcon />, section: 'Engage', scope: 'deliveries:read', description: 'Every message sent, with status, history and re-drive' },
  { label: 'Templates', path: '/content/templates', icon: <ArticleIcon />, section: 'Engage', scope: 'templates:read', description: 'Email templates with live preview and strict variables' },
  { label: 'Attribution', path: '/analytics/attribution', icon: <AccountTreeIcon />, section: 'Analytics', scope: 'analytics:read', description: 'Credit for conversions by every model, compared' },
  { label: 'Cohorts', path: '/analytics/cohorts', icon: <GridOnIcon />, section: 'Analytics', scope: 'analytics:read', description: 'Retention and revenue by first-purchase month' },
  { label: 'UTM links', path: '/analytics/utm', icon: <LinkIcon />, section: 'Analytics', scope: 'analytics:read', description: 'Link builder and validator following the naming rules' },
  { label: 'Costs', path: '/analytics/costs', icon: <PaymentsIcon />, section: 'Analytics', scope: 'analytics:read', description: 'Ad spend per day, channel and campaign; reporting settings' },
  { label: 'Tracking', path: '/analytics/tracking', icon: <TrackChangesIcon />, section: 'Analytics', scope: 'analytics:read', description: 'Write keys, the site snippet and the events that arrived' },
  { label: 'SEO', path: '/seo', icon: <TravelExploreIcon />, section: 'Search', scope: 'seo:read', description: 'Page scores and fixes, metadata, bulk runs, sitemaps and the crawler' },
  { label: 'Audit log', path: '/audit', icon: <PolicyIcon />, section: 'Admin', scope: 'audit:read', description: 'Hash-chained record of every change' },
  { label: 'Settings', path: '/settings', icon: <SettingsIcon />, section: 'Admin', description: 'Users, API keys, tenant and email sender' },
];

export const NAV_SECTIONS = Array.from(new Set(NAV_ITEMS.map((item) => item.section)));
