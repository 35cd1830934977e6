import { Link as RouterLink } from 'react-router';
import { Link } from '@mui/material';
import { keyLabel } from './analyticsLabels';
import { channelPath } from './channelLink';

/** A channel's name, linking to its ROI view. */
export function ChannelLinkCell({ channel, search }: { channel: string; search: string }) {
  return (
    <Link component={RouterLink} to={channelPath(channel, search)}>
      {keyLabel(channel)}
    </Link>
  );
}
