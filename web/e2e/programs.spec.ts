// UI-ONLY SUITE for the self-reliance program screens against mocks of the API (lib/mock-api.ts
// for the session and her person page, lib/mock-programs.ts for the programs), in a
// self-reliance center: on a PC a worker finds the programs in the navigation, creates one,
// adds a repeating schedule, enrolls a woman by her code, is refused past capacity and ends an
// enrollment; on a 390 px phone she takes attendance for the whole class (keyboard included)
// in one request, is refused for a session in the future, then records a certificate, a job
// and its follow-up from her page and the caseload home; the org admin keeps the programs in
// English without reaching a class list. Every screen passes axe and is photographed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  launch,
  newPage,
  SCREENSHOTS,
  type Launched,
  type TrackedPage,
} from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import { initialFunds, installFundsMock } from './lib/mock-funds';
import { initialPrograms, installProgramsMock, type ProgramsMock } from './lib/mock-programs';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const DAY = 86_400_000;
const seoulDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let programs: ProgramsMock;
let t: TrackedPage;
let page: Page;

beforeAll(async () => {
  site = await serveDist(DIST);
  chromium = await launch();
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});
afterEach(async () => {
  await t?.context.close();
});

async function open(width: number, height: number) {
  state = initialState();
  // The Seoul member is a self-reliance center here, with three more women registered.
  state.orgs.find((o) => o.id === 'o-seoul')!.kind = 'self_reliance_center';
  const template = state.caseData.people.find((p) => p.id === 'p-1')!;
  for (const [id, code, legal_name, alias] of [
    ['p-4', 'SEOU-2026-0004', '김하늘', '하늘'],
    ['p-5', 'SEOU-2026-0005', '정별님', '별님'],
    ['p-6', 'SEOU-2026-0006', '오하람', '하람'],
  ] as const)
    state.caseData.people.push({ ...template, id, code, legal_name, alias });
  programs = initialPrograms('o-seoul');
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, state);
  await installFundsMock(t.context, state, initialFunds('o-seoul'));
  await installProgramsMock(t.context, state, programs);
}

async function signIn(username: string, secret: string) {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.waitForURL((u) => u.pathname !== '/app/sign-in' && u.pathname !== '/app/');
}

// The save bar sticks to the bottom of the screen; a full-page picture is taken from the end
// of the sheet so the bar sits where it does for her.
async function toEnd() {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

async function fitsScreen() {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('self-reliance programs (mocked API)', () => {
  it('lists, creates, schedules, enrolls (refused when full) and ends an enrollment on a PC', async () => {
    await open(1280, 800);
    await signIn('caseworker', SECRETS.caseworker);
    await page.getByRole('navigation').getByRole('link', { name: '자립 프로그램' }).click();
    await page.getByRole('heading', { name: '자립 프로그램', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: '프로그램 목록' });
    await list.getByRole('link', { name: '바리스타 자격증 과정' }).waitFor();
    await list.getByText('수강 3 / 정원 4명').waitFor();
    await list.getByText('협력 기관: 한빛직업전문학교').waitFor();
    await list.getByText('종료', { exact: true }).waitFor();
    await checkScreen(t, 'programs-01-list');

    // A new program: the server's words land next to the field left empty.
    await page.getByRole('button', { name: '새 프로그램 등록' }).click();
    const dialog = page.getByRole('dialog', { name: '새 프로그램 등록' });
    await dialog.getByLabel('프로그램 이름').fill('제과제빵 기초');
    await dialog.getByLabel('운영').selectOption('partner');
    await dialog.getByLabel('정원 (명)').fill('10');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.getByText('협력 기관 이름을 입력하세요.').waitFor();
    await checkScreen(t, 'programs-02-new-refused');
    await dialog.getByLabel('협력 기관 이름').fill('서울제과학원');
    await dialog.getByRole('button', { name: '저장' }).click();
    await page
      .getByRole('status')
      .getByText('프로그램 ‘제과제빵 기초’을(를) 등록했습니다.')
      .waitFor();
    await list.getByRole('link', { name: '제과제빵 기초' }).waitFor();
    expect(programs.programs[0]).toMatchObject({
      name: '제과제빵 기초',
      capacity: 10,
      pass_rate: 80,
      provider_name: '서울제과학원',
    });

    // The barista course: its class by alias only, with attendance rates.
    await list.getByRole('link', { name: '바리스타 자격증 과정' }).click();
    await page.getByRole('heading', { name: /바리스타 자격증 과정/, level: 1 }).waitFor();
    const klass = page.getByRole('region', { name: /수강생 \(3/ });
    await klass.getByRole('link', { name: '수진' }).waitFor();
    await klass.getByText('출석 1 / 1회 (100%)').first().waitFor();
    await klass.getByText('출석 0 / 1회 (0%)').waitFor();
    await klass.getByText('수료 기준 충족 중').first().waitFor();
    await klass.getByText('아직 수료 기준 미달').waitFor();
    expect(await page.getByText('이수진').count()).toBe(0);

    // Mondays and Wednesdays for two weeks: four sessions in one request.
    await page.getByRole('button', { name: '회차 추가' }).click();
    const sessions = page.getByRole('dialog', { name: '바리스타 자격증 과정 회차 추가' });
    // Every day for 30 weeks is more than one request carries: said before anything is sent.
    for (const d of ['일', '월', '화', '수', '목', '금', '토'])
      await sessions.getByLabel(d, { exact: true }).check();
    await sessions.getByLabel('주 수', { exact: true }).fill('30');
    await sessions.getByText(/한 번에 200회까지/).waitFor();
    for (const d of ['일', '화', '목', '금', '토'])
      await sessions.getByLabel(d, { exact: true }).uncheck();
    await sessions.getByLabel('주 수', { exact: true }).fill('2');
    await sessions.getByLabel('주제', { exact: true }).fill('라떼 아트');
    await sessions.getByText(/^4회가 만들어집니다: /).waitFor();
    await checkScreen(t, 'programs-03-schedule');
    await sessions.getByRole('button', { name: '4회 추가' }).click();
    await page.getByRole('status').getByText('회차 4개를 추가했습니다.').waitFor();
    expect(programs.sessions.filter((s) => s.topic?.startsWith('라떼 아트'))).toHaveLength(4);
    expect(programs.sessions.at(-1)!.topic).toBe('라떼 아트 (4)');
    await page.getByRole('heading', { name: '회차 (6회)' }).waitFor();

    // Enrolling by her code; the fifth is refused in words, nothing written.
    const enrol = page.getByRole('region', { name: '수강생 등록' });
    await enrol.getByLabel('번호 또는 이름·별칭').fill('SEOU-2026-0005');
    await enrol.getByRole('button', { name: '찾기' }).click();
    await enrol.getByRole('button', { name: '수강 등록 별님' }).click();
    await page.getByRole('status').getByText('별님 님을 수강생으로 등록했습니다.').waitFor();
    await page.getByRole('region', { name: /수강생 \(4/ }).waitFor();
    await enrol.getByLabel('번호 또는 이름·별칭').fill('하람');
    await enrol.getByRole('button', { name: '찾기' }).click();
    await enrol.getByRole('button', { name: '수강 등록 하람' }).click();
    await enrol
      .getByRole('alert')
      .getByText(/정원이 찼습니다/)
      .waitFor();
    expect(programs.enrollments.filter((e) => e.program_id === 'pg-barista')).toHaveLength(4);
    await fitsScreen();
    await checkScreen(t, 'programs-04-full');

    // Ending one enrollment: dropped, the reason kept aside.
    await page.getByRole('button', { name: '수료·중도 종료 하늘' }).click();
    const end = page.getByRole('dialog', { name: '하늘 님의 수강 종료' });
    await end.getByLabel('결과').selectOption('dropped');
    await end.getByLabel('사유').fill('취업으로 시간이 맞지 않음');
    await end.getByRole('button', { name: '기록' }).click();
    await page.getByRole('status').getByText('하늘 님의 중도 종료를 기록했습니다.').waitFor();
    await page
      .getByRole('region', { name: /수강생 \(3/ })
      .getByText('중도 종료', { exact: true })
      .waitFor();
    expect(programs.enrollments.find((e) => e.id === 'en-3')).toMatchObject({
      status: 'dropped',
      reason: '취업으로 시간이 맞지 않음',
    });
    await checkScreen(t, 'programs-05-program');
  }, 240_000);

  it('takes attendance for the whole class on a phone and follows up her job', async () => {
    await open(390, 844);
    // A session next week: too early to take.
    programs.sessions.push({
      id: 'ps-next',
      program_id: 'pg-barista',
      starts_at: new Date(Date.now() + 7 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      minutes: 120,
      topic: '시험 대비',
      taken: false,
      present: 0,
      absent: 0,
    });
    programs.money['p-1'] = [
      { source_id: 'fs-a', source_name: 'A시 자립지원금', kind: 'training', paid: 1_200_000 },
    ];
    await signIn('caseworker', SECRETS.caseworker);
    await page.goto('/app/programs/pg-barista');
    await page
      .getByRole('link', { name: /^출석 부르기 .*10:00/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '출석부', level: 1 }).waitFor();
    const bar = page.getByRole('form', { name: '출석 저장' });
    await bar.getByText('3명 중 0명 표시').waitFor();
    await fitsScreen();
    await toEnd();
    await checkScreen(t, 'programs-06-sheet-empty');

    // Everyone present, then two corrections: 수진 late by the keyboard, 민지 absent by touch.
    await page.getByRole('button', { name: '모두 출석' }).click();
    await bar.getByText('3명 중 3명 표시').waitFor();
    const sujin = page.getByRole('group', { name: '수진' });
    await sujin.getByRole('radio', { name: '출석' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await sujin.getByRole('radio', { name: '지각' }).isChecked()).toBe(true);
    const absent = page
      .getByRole('group', { name: '민지' })
      .getByRole('radio', { name: '결석', exact: true });
    // Tapped where she sees it: scrolled clear of the save bar first, as a thumb would.
    await absent.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await absent.click();
    expect(
      await page
        .getByRole('group', { name: '민지' })
        .getByRole('radio', { name: '결석', exact: true })
        .isChecked(),
    ).toBe(true);
    await bar.getByText('저장하지 않음').waitFor();
    await fitsScreen();
    await toEnd();
    await checkScreen(t, 'programs-07-sheet-marked');
    await bar.getByRole('button', { name: '출석 저장' }).click();
    await page
      .getByRole('status')
      .getByText('출석을 저장했습니다: 출석 1, 지각 1, 결석 1, 사유 결석 0.')
      .waitFor();
    expect(programs.attendancePuts).toHaveLength(1);
    expect(programs.attendancePuts[0]).toEqual({
      session_id: 'ps-2',
      marks: [
        { enrollment_id: 'en-1', status: 'late' },
        { enrollment_id: 'en-2', status: 'absent' },
        { enrollment_id: 'en-3', status: 'present' },
      ],
    });
    expect(await bar.getByText('저장하지 않음').count()).toBe(0);
    await bar.getByText('저장했습니다', { exact: true }).waitFor();
    await toEnd();
    await checkScreen(t, 'programs-08-sheet-saved');

    // Next week's session is refused in words, and nothing is saved.
    await page.goto('/app/programs/pg-barista/sessions/ps-next');
    await page.getByRole('heading', { name: '출석부', level: 1 }).waitFor();
    await page.getByRole('button', { name: '모두 출석' }).click();
    await bar.getByRole('button', { name: '출석 저장' }).click();
    await bar
      .getByRole('alert')
      .getByText(/아직 시작하지 않은 회차입니다/)
      .waitFor();
    expect(programs.marks.filter((x) => x.session_id === 'ps-next')).toHaveLength(0);
    await fitsScreen();
    await toEnd();
    await checkScreen(t, 'programs-09-sheet-future');

    // Her page: the course with her rate, a certificate, a job with its follow-ups, her money.
    await page.goto('/app/people/p-1');
    const her = page.getByRole('region', { name: '자립 지원' });
    await her.getByRole('link', { name: '바리스타 자격증 과정' }).waitFor();
    await her.getByText('출석 2 / 2회 (100%)').waitFor();
    await her.getByRole('cell', { name: '1,200,000원' }).first().waitFor();
    await her.getByRole('button', { name: '자격증 기록' }).click();
    await her.getByLabel('자격증 이름').fill('바리스타 2급');
    await her.getByLabel('관련 프로그램').selectOption({ label: '바리스타 자격증 과정' });
    await her.getByLabel('자격증 사본 (선택)').setInputFiles({
      name: 'barista.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 certificate'),
    });
    await her.getByRole('button', { name: '자격증 저장' }).click();
    await her.getByRole('status').getByText('자격증을 기록했습니다.').waitFor();
    await her.getByText('바리스타 2급', { exact: true }).first().waitFor();
    await her.getByRole('link', { name: '사본 내려받기 바리스타 2급' }).waitFor();
    // The copy went to her case as a file of kind "certificate", and the certificate names it.
    const scan = state.caseData.files.find((f) => f.name === 'barista.pdf');
    expect(scan?.kind).toBe('certificate');
    expect(programs.certificates[0]).toMatchObject({
      name: '바리스타 2급',
      enrollment_id: 'en-1',
      file_id: scan!.id,
    });

    // She started work three months and three days ago: the 3-month follow-up is overdue.
    const started = seoulDay(Date.now() - 95 * DAY);
    await her.getByRole('button', { name: '성과 기록' }).click();
    await her.getByLabel('시작일').fill(started);
    await her.getByLabel('직종').fill('바리스타');
    await her.getByLabel('일터 종류').selectOption('social_enterprise');
    await her.getByLabel('일터 이름').fill('카페 한빛');
    await her.getByRole('button', { name: '성과 저장' }).click();
    await her.getByRole('status').getByText('성과를 기록했습니다.').waitFor();
    await her.getByText('바리스타 · 사회적기업').waitFor();
    await her.getByText(/^3개월 확인/).waitFor();
    await her.getByText(/^12개월 확인/).waitFor();
    // The employer's name was sent once and is never shown.
    expect(programs.outcomes[0]!.employer).toBe('카페 한빛');
    expect(await page.getByText('카페 한빛').count()).toBe(0);
    await fitsScreen();
    await checkScreen(t, 'programs-10-her-page');
    // Her long page shrinks to nothing in one picture: her section on its own as well.
    await her.screenshot({ path: join(SCREENSHOTS, 'programs-10b-her-section.png') });

    // The caseload home lists the follow-up due; recording it clears the list.
    await page.goto('/app/cases');
    const due = page.getByRole('region', { name: /다가온 취업 사후 확인 \(\d\)/ });
    await due.getByRole('link', { name: '수진' }).waitFor();
    await due.getByText(/기한 지남/).waitFor();
    await fitsScreen();
    await checkScreen(t, 'programs-11-home-due');
    const row = due.getByRole('form', { name: /수진 취업 3개월 확인 기록/ });
    await row.getByLabel('확인 결과').selectOption('employed');
    await row.getByRole('button', { name: /확인 기록/ }).click();
    await due.getByRole('status').getByText('확인 결과를 기록했습니다.').waitFor();
    await due.getByText('다가온 사후 확인이 없습니다.').waitFor();
    expect(programs.outcomes[0]!.follow_ups[0]).toMatchObject({ status: 'employed' });
  }, 240_000);

  it('lets the org admin keep the programs in English, without the class lists', async () => {
    await open(390, 844);
    state.accounts.find((a) => a.id === 'u-admin')!.language = 'en';
    await signIn('orgadmin', SECRETS.orgadmin);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Self-reliance programs' })
      .click();
    await page.getByRole('heading', { name: 'Self-reliance programs', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Programs' });
    await list.getByText('Enrolled 3 of 4').waitFor();
    // Names, not links: the class list is not hers to read.
    expect(await list.getByRole('link').count()).toBe(0);
    await page.getByLabel('Status').selectOption('ended');
    // The ended program was listed before the filter too: wait for the active one to leave the
    // list (the filtered answer has arrived), not only for the ended one to be there.
    await list
      .getByRole('heading', { name: /바리스타 자격증 과정/ })
      .waitFor({ state: 'detached' });
    await list.getByRole('heading', { name: /봉제 기초반/ }).waitFor();
    await page.getByRole('button', { name: 'Edit program 봉제 기초반' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit 봉제 기초반' });
    await dialog.getByLabel('Capacity (people)').fill('12');
    await fitsScreen();
    await checkScreen(t, 'programs-12-admin-edit-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Program “봉제 기초반” updated.').waitFor();
    expect(programs.programs.find((p) => p.id === 'pg-sewing')!.capacity).toBe(12);
    await fitsScreen();
    await checkScreen(t, 'programs-13-admin-list-en');
  }, 240_000);
});
