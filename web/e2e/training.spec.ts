// UI-ONLY SUITE for activist training against a mock of its API (lib/mock-advocacy.ts): on a
// PC an advocate creates a course with its pass rule shown in words, sees a trainee short of the
// rule refused a certificate in words, issues one to the trainee who passed with its PDF offered
// for download, revokes another after asking, marks attendance with the keyboard (only changed marks are
// sent; saving again changes nothing), reads a trainee's contact on request, enrols a trainee,
// and adds a module and a session in Korea time. On a 390 px phone the course page fits.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialAdvocacy, installAdvocacyMock, type AdvocacyMock } from './lib/mock-advocacy';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let mock: AdvocacyMock;
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
  mock = initialAdvocacy();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installAdvocacyMock(t.context, mock);
  await page.goto('/app/');
  await page.getByLabel('아이디').fill('advocate');
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(SECRETS.researcher, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.waitForURL((u) => u.pathname !== '/app/sign-in' && u.pathname !== '/app/');
}

const requests = (method: string, path: RegExp) =>
  mock.requests.filter((r) => r.method === method && path.test(r.path));

describe('activist training (mocked API)', () => {
  it('keeps a course: pass rule, certificates, attendance, trainees, modules and sessions', async () => {
    await open(1280, 900);
    await page.getByRole('navigation').getByRole('link', { name: '활동가 교육' }).click();
    await page.getByRole('heading', { name: '활동가 교육', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: '교육 과정 목록' });
    await list.getByRole('link', { name: '신입 활동가 양성 과정' }).waitFor();
    await list.getByText('전체 회기의 80 % 이상 출석').waitFor();
    await checkScreen(t, 'training-01-list');

    // A new course: the pass rule said in words as it is typed, checked before sending.
    await page.getByRole('link', { name: '새 교육 과정' }).click();
    await page.getByLabel('과정 이름 (한국어)').fill('지역 활동가 심화 과정');
    const percent = page.getByLabel('수료에 필요한 출석률 (%)');
    await percent.fill('0');
    await page.getByRole('button', { name: '과정 만들기' }).click();
    await page.getByText('1에서 100 사이의 숫자를 입력하세요.').waitFor();
    await percent.fill('75');
    await page.getByText('전체 회기의 75 % 이상 출석').waitFor();
    await page.getByRole('button', { name: '과정 만들기' }).click();
    await page.getByRole('heading', { name: '지역 활동가 심화 과정', level: 1 }).waitFor();
    expect(requests('POST', /^\/training\/courses$/)[0]!.body).toMatchObject({
      title_ko: '지역 활동가 심화 과정',
      pass_percent: 75,
    });

    await page.goto('/app/training/co-1');
    await page.getByRole('heading', { name: '신입 활동가 양성 과정', level: 1 }).waitFor();
    await page.getByText('(지금 5회기 중 4회 이상)').waitFor();
    const trainees = page.getByRole('list', { name: '교육생 목록' });
    await trainees.getByText('출석 4회 (필요 4회, 전체 5회기)').waitFor();

    // Short of the rule: the server's refusal, in words.
    await page.getByRole('button', { name: '강보람에게 수료증 발급' }).click();
    await page
      .getByText('수료 기준을 채우지 못해 수료증을 발급할 수 없습니다: 출석 2회, 필요 4회.')
      .waitFor();
    // Passed: issued, and its PDF downloaded.
    await page.getByRole('button', { name: '윤서영에게 수료증 발급' }).click();
    await page
      .getByText('윤서영에게 수료증을 발급했습니다 (번호 ACET-GTC7-NMRK-SP3V-QGWF).')
      .waitFor();
    // (The download itself, bytes and all, is the real-server suite's: a mocked route cannot
    // answer a browser download.)
    const pdf = page.getByRole('link', { name: '윤서영의 수료증 PDF 내려받기' });
    expect(await pdf.getAttribute('href')).toBe(
      '/api/v1/training/courses/co-1/enrollments/tr-2/certificate/pdf',
    );
    expect(await pdf.getAttribute('download')).toBe('certificate-ACET-GTC7-NMRK-SP3V-QGWF.pdf');
    // Revoked after asking.
    await page.getByRole('button', { name: '한솔의 수료증 취소' }).click();
    const dialog = page.getByRole('alertdialog', { name: '수료증을 취소할까요?' });
    await dialog.getByRole('button', { name: '수료증 취소' }).click();
    await page.getByText('한솔의 수료증을 취소했습니다.').waitFor();
    await trainees.getByText(/수료증 취소됨/).waitFor();
    await checkScreen(t, 'training-02-certificates');

    // Attendance of the last session with the keyboard; only what changed is sent.
    const boram = page.getByRole('group', { name: '강보람의 출석' });
    await boram.getByLabel('출석', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(boram.getByLabel('결석', { exact: true }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '출석 저장' }).click();
    await page.getByText('1명의 출석을 저장했습니다.').waitFor();
    const marks = requests('POST', /\/attendance$/);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.body).toEqual({ marks: [{ enrollment_id: 'tr-3', status: 'absent' }] });
    expect(marks[0]!.path).toBe('/training/courses/co-1/sessions/se-5/attendance');
    await page.getByRole('button', { name: '출석 저장' }).click();
    await page.getByText('바뀐 출석이 없습니다.').waitFor();
    expect(requests('POST', /\/attendance$/)).toHaveLength(1);

    // Her contact only on request; a new trainee enrolled.
    await page.getByRole('button', { name: '윤서영의 연락처 보기' }).click();
    await trainees.getByText('연락처: 010-5550-0202').waitFor();
    const enroll = page.getByRole('form', { name: '교육생 등록' });
    await enroll.getByLabel('이름').fill('민지원');
    await enroll.getByLabel('연락처').fill('jiwon@example.org');
    await enroll.getByRole('button', { name: '등록' }).click();
    await trainees.getByRole('heading', { name: '민지원', level: 3 }).waitFor();

    // A module and a session, in Korea time.
    const mod = page.getByRole('form', { name: '과목 추가' });
    await mod.getByLabel('과목 이름 (한국어)').fill('현장 활동과 연대');
    await mod.getByRole('button', { name: '과목 추가' }).click();
    await page.getByText('3. 현장 활동과 연대').waitFor();
    const session = page.getByRole('form', { name: '회기 추가' });
    await session.getByLabel('시작 (한국 시간)').fill('2027-01-05T14:00');
    await session.getByLabel('끝 (한국 시간)').fill('2027-01-05T17:00');
    await session.getByLabel('장소').fill('부산 여성회관');
    await session.getByLabel('과목').selectOption({ label: '현장 활동과 연대' });
    await session.getByRole('button', { name: '회기 추가' }).click();
    await page.getByText('6회기', { exact: true }).waitFor();
    expect(requests('POST', /\/sessions$/)[0]!.body).toMatchObject({
      starts_at: '2027-01-05T14:00:00+09:00',
      ends_at: '2027-01-05T17:00:00+09:00',
      venue: '부산 여성회관',
    });
    await page.getByText('(지금 6회기 중 5회 이상)').waitFor();
    await checkScreen(t, 'training-03-course');
  });

  it('fits the course page on a 390 px phone', async () => {
    await open(390, 844);
    await page.goto('/app/training/co-1');
    await page.getByRole('heading', { name: '신입 활동가 양성 과정', level: 1 }).waitFor();
    await page.getByRole('group', { name: '한솔의 출석' }).waitFor();
    await checkScreen(t, 'training-04-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
