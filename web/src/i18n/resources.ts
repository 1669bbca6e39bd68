// The translations, one file per screen area and language (ko/cases.json, en/cases.json…), so
// that no single file grows unwieldy and strings for different screens can be added side by
// side. At load they are merged into one namespace, so keys stay `cases.title`, `audit.title`…
// whatever file they live in. Korean is the source language: each English file must have the
// shape of its Korean one or tsc fails here; i18n.test.ts checks the keys both ways.
import koAdmin from './ko/admin.json';
import koAudit from './ko/audit.json';
import koCalendar from './ko/calendar.json';
import koCases from './ko/cases.json';
import koCommon from './ko/common.json';
import koEmergency from './ko/emergency.json';
import koEvents from './ko/events.json';
import koTraining from './ko/training.json';
import koPartners from './ko/partners.json';
import koCampaigns from './ko/campaigns.json';
import koExports from './ko/exports.json';
import koFunds from './ko/funds.json';
import koRecords from './ko/records.json';
import koReports from './ko/reports.json';
import koPolicy from './ko/policy.json';
import koPrograms from './ko/programs.json';
import koReferrals from './ko/referrals.json';
import koSession from './ko/session.json';
import koShelters from './ko/shelters.json';
import koStats from './ko/stats.json';
import koSupervision from './ko/supervision.json';
import koSurvivors from './ko/survivors.json';
import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enCalendar from './en/calendar.json';
import enCases from './en/cases.json';
import enCommon from './en/common.json';
import enEmergency from './en/emergency.json';
import enEvents from './en/events.json';
import enTraining from './en/training.json';
import enPartners from './en/partners.json';
import enCampaigns from './en/campaigns.json';
import enExports from './en/exports.json';
import enFunds from './en/funds.json';
import enRecords from './en/records.json';
import enReports from './en/reports.json';
import enPolicy from './en/policy.json';
import enPrograms from './en/programs.json';
import enReferrals from './en/referrals.json';
import enSession from './en/session.json';
import enShelters from './en/shelters.json';
import enStats from './en/stats.json';
import enSupervision from './en/supervision.json';
import enSurvivors from './en/survivors.json';

// One area in both languages; the English must match the Korean's shape.
function area<T extends object>(ko: T, en: NoInfer<T>): { ko: T; en: T } {
  return { ko, en };
}

export const AREAS = {
  common: area(koCommon, enCommon),
  session: area(koSession, enSession),
  admin: area(koAdmin, enAdmin),
  emergency: area(koEmergency, enEmergency),
  cases: area(koCases, enCases),
  records: area(koRecords, enRecords),
  referrals: area(koReferrals, enReferrals),
  calendar: area(koCalendar, enCalendar),
  supervision: area(koSupervision, enSupervision),
  shelters: area(koShelters, enShelters),
  audit: area(koAudit, enAudit),
  funds: area(koFunds, enFunds),
  programs: area(koPrograms, enPrograms),
  stats: area(koStats, enStats),
  exports: area(koExports, enExports),
  reports: area(koReports, enReports),
  policy: area(koPolicy, enPolicy),
  events: area(koEvents, enEvents),
  training: area(koTraining, enTraining),
  partners: area(koPartners, enPartners),
  campaigns: area(koCampaigns, enCampaigns),
  survivors: area(koSurvivors, enSurvivors),
};

// Both languages' areas merged into one namespace. Each section (`cases`, `people`…) lives in
// exactly one area; i18n.test.ts checks that no two areas define the same one.
function merged(lang: 'ko' | 'en') {
  return {
    ...AREAS.common[lang],
    ...AREAS.session[lang],
    ...AREAS.admin[lang],
    ...AREAS.emergency[lang],
    ...AREAS.cases[lang],
    ...AREAS.records[lang],
    ...AREAS.referrals[lang],
    ...AREAS.calendar[lang],
    ...AREAS.supervision[lang],
    ...AREAS.shelters[lang],
    ...AREAS.audit[lang],
    ...AREAS.funds[lang],
    ...AREAS.programs[lang],
    ...AREAS.stats[lang],
    ...AREAS.exports[lang],
    ...AREAS.reports[lang],
    ...AREAS.policy[lang],
    ...AREAS.events[lang],
    ...AREAS.training[lang],
    ...AREAS.partners[lang],
    ...AREAS.campaigns[lang],
    ...AREAS.survivors[lang],
  };
}

export const ko = merged('ko');
export const en = merged('en');
