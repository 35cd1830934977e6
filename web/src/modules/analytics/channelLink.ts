/** The ROI view of one channel, keeping the period of the page it is opened from. */
export function channelPath(channel: string, search: string): string {
  return `/analytics/channels/${encodeURIComponent(channel)}${search}`;
}
