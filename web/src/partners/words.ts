// A partner's name in the display language (the Korean name is the public one).
import type { Partner } from '../api';
import { pick } from '../campaigns/model';
import { currentLanguage } from '../i18n';

export const partnerName = (p: Pick<Partner, 'name_ko' | 'name_en'>) =>
  pick(currentLanguage(), p.name_ko, p.name_en);
