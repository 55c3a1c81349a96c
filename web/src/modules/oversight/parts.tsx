import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { lookupApi } from '../enforcement/api';

/** A count of problem reports, red when there are any. */
export function ProblemCount({ n }: { n: number }) {
  return n > 0 ? (
    <Typography.Text type="danger" strong>
      {n}
    </Typography.Text>
  ) : (
    <span>0</span>
  );
}

/** Campaigns the caller can see, for filters and pickers (the server reads them for regulators only). */
export function useCampaignOptions() {
  const session = useSession();
  const enabled = can(session, 'campaign.read');
  const campaigns = useQuery({ queryKey: ['campaigns', 'options'], queryFn: lookupApi.campaigns, enabled, staleTime: 5 * 60_000 });
  return { options: (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), loading: enabled && campaigns.isPending };
}
