import type { ReactElement } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PeopleIcon from '@mui/icons-material/People';
import GroupWorkIcon from '@mui/icons-material/GroupWork';
import CampaignIcon from '@mui/icons-material/Campaign';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ArticleIcon from '@mui/icons-material/Article';
import SendIcon from '@mui/icons-material/Send';
import InboxIcon from '@mui/icons-material/Inbox';
import InsightsIcon from '@mui/icons-material/Insights';
import ScienceIcon from '@mui/icons-material/Science';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import ShareIcon from '@mui/icons-material/Share';
import PaidIcon from '@mui/icons-material/Paid';
import HandshakeIcon from '@mui/icons-material/Handshake';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import MergeTypeIcon from '@mui/icons-material/MergeType';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import BlockIcon from '@mui/icons-material/Block';
import PolicyIcon from '@mui/icons-material/Policy';
import SettingsIcon from '@mui/icons-material/Settings';

export interface NavItem {
  label: string;
  path: string;
  icon: ReactElement;
  section: string;
  /** false → the route shows the "Not built yet" panel. */
  built: boolean;
  /** Hidden from the navigation when the user lacks this scope. */
  scope?: string;
  description: string;
}

export const NAV_ITEMS: NavItem[] = [
  { label: 'Dashboard', path: '/', icon: <DashboardIcon />, section: 'Overview', built: true, description: 'Key numbers across the hub' },
  { label: 'Contacts', path: '/contacts', icon: <PeopleIcon />, section: 'Audience', built: true, scope: 'contacts:read', description: 'Unified profiles with consent and timeline' },
  { label: 'Segments', path: '/segments', icon: <GroupWorkIcon />, section: 'Audience', built: false, description: 'Criteria-based audiences with live size and per-channel reach' },
  { label: 'Identity review', path: '/identity', icon: <MergeTypeIcon />, section: 'Audience', built: true, scope: 'contacts:read', description: 'Possible duplicates waiting for a decision' },
  { label: 'Imports', path: '/imports', icon: <UploadFileIcon />, section: 'Audience', built: true, scope: 'contacts:read', description: 'CSV imports with mapping, preview and error reports' },
  { label: 'Suppressions', path: '/suppressions', icon: <BlockIcon />, section: 'Audience', built: true, scope: 'contacts:read', description: 'Addresses that are never sent to' },
  { label: 'Campaigns', path: '/campaigns', icon: <CampaignIcon />, section: 'Engage', built: false, description: 'Campaign list, wizard, live progress, deliveries, metrics and A/B' },
  { label: 'Journeys', path: '/journeys', icon: <AccountTreeIcon />, section: 'Engage', built: false, description: 'Visual automation builder with per-step statistics' },
  { label: 'Content', path: '/content', icon: <ArticleIcon />, section: 'Engage', built: false, description: 'Templates and assets' },
  { label: 'Deliveries', path: '/deliveries', icon: <SendIcon />, section: 'Engage', built: false, description: 'Per-message delivery status across channels' },
  { label: 'Inbox', path: '/inbox', icon: <InboxIcon />, section: 'Engage', built: false, description: 'Conversations, threads, assignment and SLA' },
  { label: 'Social', path: '/social', icon: <ShareIcon />, section: 'Engage', built: false, description: 'Social posts and publishing' },
  { label: 'Ads', path: '/ads', icon: <PaidIcon />, section: 'Engage', built: false, description: 'Paid ad campaigns and spend' },
  { label: 'Influencers', path: '/influencers', icon: <RecordVoiceOverIcon />, section: 'Engage', built: false, description: 'Influencer directory, outreach, contracts and tracked codes' },
  { label: 'Calendar', path: '/calendar', icon: <CalendarMonthIcon />, section: 'Engage', built: false, description: 'Campaigns, posts and SEO publishing in one view' },
  { label: 'Analytics', path: '/analytics', icon: <InsightsIcon />, section: 'Measure', built: false, description: 'Attribution with model switcher, funnels and cohorts' },
  { label: 'Experiments', path: '/experiments', icon: <ScienceIcon />, section: 'Measure', built: false, description: 'A/B tests with sequential statistics' },
  { label: 'Budget', path: '/budget', icon: <AccountBalanceWalletIcon />, section: 'Measure', built: false, description: 'Channel budgets, spend guards and insights' },
  { label: 'SEO', path: '/seo', icon: <TravelExploreIcon />, section: 'Measure', built: false, description: 'Pages with scores, issues, bulk audits and sitemap status' },
  { label: 'CRM', path: '/crm', icon: <HandshakeIcon />, section: 'Sales', built: false, description: 'Leads, opportunity pipeline and Account 360' },
  { label: 'Audit log', path: '/audit', icon: <PolicyIcon />, section: 'Admin', built: true, scope: 'audit:read', description: 'Hash-chained record of every change' },
  { label: 'Settings', path: '/settings', icon: <SettingsIcon />, section: 'Admin', built: true, description: 'Users, API keys and tenant' },
];

export const NAV_SECTIONS = Array.from(new Set(NAV_ITEMS.map((item) => item.section)));
