import { Can } from '../../auth/Can';
import { PageHeader } from '../../components/PageHeader';
import { EventsExplorer } from './EventsExplorer';
import { WriteKeysSection } from './WriteKeysSection';

/** /analytics/tracking — write keys and their snippet (analytics:manage), and the events that arrived. */
export function TrackingPage() {
  return (
    <>
      <PageHeader title="Tracking setup" subtitle="Put the snippet on your site, then watch the events arrive" />
      <Can scope="analytics:manage">
        <WriteKeysSection />
      </Can>
      <EventsExplorer />
    </>
  );
}
