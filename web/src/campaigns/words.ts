// Words the campaign screens share: a campaign's title, summary and goal in the display
// language, its period, and whether the signed-in user may write at all.
import type { Campaign } from '../api';
import { currentLanguage } from '../i18n';
import { formatDate } from '../i18n/format';
import { useSignedIn } from '../session';
import { canWriteCampaigns, pick } from './model';

export const campaignTitle = (c: Pick<Campaign, 'title_ko' | 'title_en'>) =>
  pick(currentLanguage(), c.title_ko, c.title_en);

export const campaignPeriod = (c: Pick<Campaign, 'starts_on' | 'ends_on'>) =>
  `${formatDate(c.starts_on)} – ${formatDate(c.ends_on)}`;

export function useMayWrite(): boolean {
  return canWriteCampaigns(useSignedIn().user.roles);
}
