// The help page's own words, in Korean (the default), English, Thai, Vietnamese, Chinese, Russian
// and Mongolian: the languages of most women who reach Korean support centres. Short, plain
// sentences; "{minutes}" is filled in. The page is a separate, small entry, so it does not load the app's i18n.

import { mn, ru, zh } from './languages-cn-ru-mn';

export const HELP_LANGUAGES = ['ko', 'en', 'th', 'vi', 'zh', 'ru', 'mn'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<HelpLanguage, string> = {
  ko: '한국어',
  en: 'English',
  th: 'ภาษาไทย',
  vi: 'Tiếng Việt',
  zh: '中文',
  ru: 'Русский',
  mn: 'Монгол',
};

const ko = {
  pageTitle: '도움 요청 | 민들레',
  quickExit: '빨리 나가기',
  quickExitHint: '‘빨리 나가기’를 누르거나 Esc 키를 세 번 누르면 바로 다른 사이트로 이동합니다.',
  call112: '112 긴급 전화',
  languages: '언어 선택',
  heading: '도움이 필요하신가요?',
  intro:
    '지금 있는 곳에서 벗어나고 싶거나 도움이 필요하면 알려 주세요. 계정도, 이름도 필요 없습니다. 가까운 지역의 상담소가 요청을 받고, 알려 주신 안전한 방법으로만 연락드립니다.',
  danger: '지금 위험하다면 바로 112에 전화하세요. 112로 문자를 보내 신고할 수도 있습니다.',
  hotline: '상담 전화',
  safetyLink: '안전하게 이용하는 방법',
  formTitle: '도움 요청하기',
  region: '지금 있는 지역',
  regionChoose: '지역을 선택하세요',
  situation: '어떤 일이 있나요?',
  situationHint: '할 수 있는 만큼만 적어 주세요. 이름은 적지 않아도 됩니다.',
  contact: '연락받을 방법 (선택)',
  contactHint: '전화번호, 카카오톡 아이디, 이메일 등',
  safeContact: '언제, 어떻게 연락하면 안전한가요? (선택)',
  safeContactHint: '예: 평일 오후 2~4시에 문자로만. 전화는 하지 마세요.',
  honeypot: '웹사이트 (비워 두세요)',
  submit: '보내기',
  sending: '보내는 중…',
  sentTitle: '요청이 전달되었습니다',
  reference: '접수 번호',
  next1: '담당 상담원이 곧 확인합니다. 알려 주신 방법과 시간에만 연락합니다.',
  next2: '연락처를 남기지 않았다면, 상담 전화로 연락할 때 이 접수 번호를 말해 주세요.',
  next3: '기다리는 동안 위험해지면 112에 전화하세요.',
  checkFields: '표시된 항목을 확인해 주세요.',
  regionRequired: '지역을 선택해 주세요.',
  situationRequired: '어떤 일이 있는지 적어 주세요.',
  fieldInvalid: '이 항목을 확인해 주세요.',
  tooMany:
    '요청이 너무 많이 들어왔습니다. {minutes}분 뒤에 다시 보내 주세요. 지금 위험하다면 112에 전화하세요.',
  failed: '보내지 못했습니다. 잠시 뒤에 다시 보내 주세요. 지금 위험하다면 112에 전화하세요.',
  network: '연결되지 않았습니다. 인터넷 연결을 확인하고 다시 보내 주세요.',
  tokenExpired: '페이지를 연 지 오래되었습니다. ‘보내기’를 한 번 더 눌러 주세요.',
  loadFailed: '지역 목록을 불러오지 못했습니다.',
  retry: '다시 시도',
  safetyTitle: '안전하게 이용하는 방법',
  safetyIntro:
    '‘빨리 나가기’는 이 화면을 닫고 다른 사이트로 이동하지만, 브라우저의 방문 기록은 지우지 않습니다.',
  safety1: '가능하면 시크릿 모드(비공개 브라우징)를 쓰세요. 창을 닫으면 방문 기록이 남지 않습니다.',
  safety2:
    '시크릿 모드가 아니라면, 다 쓴 뒤 방문 기록에서 이 페이지를 지우세요. (브라우저 메뉴 → 방문 기록)',
  safety3:
    '다른 사람이 보거나 검사하는 휴대전화나 컴퓨터라면, 믿을 수 있는 사람의 기기나 도서관 같은 곳의 공용 컴퓨터를 쓰는 것이 더 안전할 수 있습니다.',
  safety4: '이 페이지는 쿠키를 쓰지 않고, 적은 내용을 기기에 저장하지 않습니다.',
};

export type HelpStrings = typeof ko;

const en: HelpStrings = {
  pageTitle: 'Ask for help | Dandelion',
  quickExit: 'Quick exit',
  quickExitHint: 'Press “Quick exit” or the Esc key three times to leave for another site at once.',
  call112: 'Call 112 (police)',
  languages: 'Language',
  heading: 'Do you need help?',
  intro:
    'If you want to get out of where you are, or you need help, tell us. You do not need an account or your name. A support centre near you receives the request and contacts you only in the way you say is safe.',
  danger:
    'If you are in danger now, call 112 (Korean police) at once. You can also send a text message to 112.',
  hotline: 'Support line',
  safetyLink: 'How to stay safe',
  formTitle: 'Ask for help',
  region: 'Where are you now?',
  regionChoose: 'Choose a region',
  situation: 'What is happening?',
  situationHint: 'Write as much as you can. You do not need to write your name.',
  contact: 'How can we contact you? (optional)',
  contactHint: 'Phone number, KakaoTalk ID, email…',
  safeContact: 'When and how is it safe to contact you? (optional)',
  safeContactHint: 'For example: text only, weekdays 2–4 pm. Do not call.',
  honeypot: 'Website (leave empty)',
  submit: 'Send',
  sending: 'Sending…',
  sentTitle: 'Your request has been sent',
  reference: 'Reference number',
  next1:
    'A counsellor will look at it soon and will contact you only in the way and at the time you gave.',
  next2:
    'If you did not leave a contact, say this reference number when you call the support line.',
  next3: 'If you are in danger while you wait, call 112.',
  checkFields: 'Please check the marked fields.',
  regionRequired: 'Please choose a region.',
  situationRequired: 'Please write what is happening.',
  fieldInvalid: 'Please check this field.',
  tooMany:
    'Too many requests came from here. Please wait {minutes} min and send again. If you are in danger now, call 112.',
  failed:
    'The request could not be sent. Please try again in a moment. If you are in danger now, call 112.',
  network: 'Could not connect. Please check the internet connection and send again.',
  tokenExpired: 'This page has been open for a long time. Please press “Send” once more.',
  loadFailed: 'The list of regions could not be loaded.',
  retry: 'Try again',
  safetyTitle: 'How to stay safe',
  safetyIntro:
    '“Quick exit” closes this page and opens another site, but it does not erase your browsing history.',
  safety1: 'If you can, use a private (incognito) window. When you close it, no history is kept.',
  safety2:
    'If not, delete this page from your browsing history when you are done (browser menu → History).',
  safety3:
    'If someone else looks at or checks your phone or computer, a device of a person you trust, or a public computer such as in a library, may be safer.',
  safety4: 'This page uses no cookies and does not save what you write on the device.',
};

const th: HelpStrings = {
  pageTitle: 'ขอความช่วยเหลือ | Dandelion',
  quickExit: 'ออกทันที',
  quickExitHint: 'กด “ออกทันที” หรือกดปุ่ม Esc สามครั้ง เพื่อไปยังเว็บไซต์อื่นทันที',
  call112: 'โทร 112 (ตำรวจ)',
  languages: 'ภาษา',
  heading: 'ต้องการความช่วยเหลือไหม',
  intro:
    'ถ้าคุณอยากออกจากที่ที่อยู่ตอนนี้ หรือต้องการความช่วยเหลือ บอกเราได้ ไม่ต้องมีบัญชีและไม่ต้องบอกชื่อ ศูนย์ให้คำปรึกษาใกล้คุณจะได้รับคำขอนี้ และจะติดต่อคุณด้วยวิธีที่คุณบอกว่าปลอดภัยเท่านั้น',
  danger: 'ถ้าคุณอยู่ในอันตรายตอนนี้ โทร 112 (ตำรวจเกาหลี) ทันที หรือส่งข้อความ SMS ไปที่ 112 ก็ได้',
  hotline: 'สายด่วนให้คำปรึกษา',
  safetyLink: 'วิธีใช้อย่างปลอดภัย',
  formTitle: 'ขอความช่วยเหลือ',
  region: 'ตอนนี้คุณอยู่ที่ไหน',
  regionChoose: 'เลือกพื้นที่',
  situation: 'เกิดอะไรขึ้น',
  situationHint: 'เขียนเท่าที่เขียนได้ เขียนเป็นภาษาไทยได้ ไม่ต้องเขียนชื่อ',
  contact: 'ช่องทางติดต่อคุณ (ไม่บังคับ)',
  contactHint: 'เบอร์โทรศัพท์ ไลน์ไอดี KakaoTalk ID หรืออีเมล',
  safeContact: 'ติดต่อคุณเมื่อไหร่และอย่างไรจึงจะปลอดภัย (ไม่บังคับ)',
  safeContactHint: 'เช่น ส่งข้อความเท่านั้น วันธรรมดา บ่าย 2–4 โมง ห้ามโทร',
  honeypot: 'เว็บไซต์ (เว้นว่างไว้)',
  submit: 'ส่ง',
  sending: 'กำลังส่ง…',
  sentTitle: 'ส่งคำขอแล้ว',
  reference: 'หมายเลขอ้างอิง',
  next1: 'เจ้าหน้าที่จะดูคำขอของคุณเร็ว ๆ นี้ และจะติดต่อคุณด้วยวิธีและเวลาที่คุณบอกไว้เท่านั้น',
  next2: 'ถ้าคุณไม่ได้ให้ช่องทางติดต่อไว้ ให้บอกหมายเลขอ้างอิงนี้เมื่อโทรหาสายด่วน',
  next3: 'ถ้าระหว่างรอคุณตกอยู่ในอันตราย โทร 112',
  checkFields: 'กรุณาตรวจสอบช่องที่มีเครื่องหมาย',
  regionRequired: 'กรุณาเลือกพื้นที่',
  situationRequired: 'กรุณาเขียนว่าเกิดอะไรขึ้น',
  fieldInvalid: 'กรุณาตรวจสอบช่องนี้',
  tooMany: 'มีคำขอจากที่นี่มากเกินไป กรุณารอ {minutes} นาทีแล้วส่งอีกครั้ง ถ้าอยู่ในอันตรายตอนนี้ โทร 112',
  failed: 'ส่งคำขอไม่สำเร็จ กรุณาลองใหม่อีกสักครู่ ถ้าอยู่ในอันตรายตอนนี้ โทร 112',
  network: 'เชื่อมต่อไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วส่งอีกครั้ง',
  tokenExpired: 'หน้านี้เปิดไว้นานแล้ว กรุณากด “ส่ง” อีกครั้ง',
  loadFailed: 'โหลดรายชื่อพื้นที่ไม่ได้',
  retry: 'ลองอีกครั้ง',
  safetyTitle: 'วิธีใช้อย่างปลอดภัย',
  safetyIntro: 'ปุ่ม “ออกทันที” จะปิดหน้านี้และไปยังเว็บไซต์อื่น แต่จะไม่ลบประวัติการเข้าชมในเบราว์เซอร์',
  safety1: 'ถ้าทำได้ ให้ใช้โหมดไม่ระบุตัวตน (หน้าต่างส่วนตัว) เมื่อปิดหน้าต่าง ประวัติจะไม่ถูกเก็บไว้',
  safety2: 'ถ้าไม่ได้ใช้โหมดนี้ ให้ลบหน้านี้ออกจากประวัติการเข้าชมหลังใช้เสร็จ (เมนูเบราว์เซอร์ → ประวัติ)',
  safety3:
    'ถ้ามีคนอื่นดูหรือตรวจโทรศัพท์หรือคอมพิวเตอร์ของคุณ การใช้เครื่องของคนที่คุณไว้ใจ หรือคอมพิวเตอร์สาธารณะ เช่น ที่ห้องสมุด อาจปลอดภัยกว่า',
  safety4: 'หน้านี้ไม่ใช้คุกกี้ และไม่เก็บสิ่งที่คุณเขียนไว้ในเครื่อง',
};

const vi: HelpStrings = {
  pageTitle: 'Yêu cầu giúp đỡ | Dandelion',
  quickExit: 'Thoát nhanh',
  quickExitHint: 'Bấm “Thoát nhanh” hoặc nhấn phím Esc ba lần để chuyển ngay sang trang web khác.',
  call112: 'Gọi 112 (cảnh sát)',
  languages: 'Ngôn ngữ',
  heading: 'Bạn cần giúp đỡ?',
  intro:
    'Nếu bạn muốn thoát khỏi nơi đang ở, hoặc cần giúp đỡ, hãy cho chúng tôi biết. Không cần tài khoản, không cần ghi tên. Trung tâm tư vấn gần bạn sẽ nhận yêu cầu và chỉ liên lạc với bạn theo cách bạn nói là an toàn.',
  danger:
    'Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 112 (cảnh sát Hàn Quốc). Bạn cũng có thể nhắn tin đến 112.',
  hotline: 'Đường dây tư vấn',
  safetyLink: 'Cách sử dụng an toàn',
  formTitle: 'Yêu cầu giúp đỡ',
  region: 'Bây giờ bạn đang ở đâu?',
  regionChoose: 'Chọn khu vực',
  situation: 'Chuyện gì đang xảy ra?',
  situationHint: 'Viết những gì bạn có thể. Bạn có thể viết bằng tiếng Việt. Không cần ghi tên.',
  contact: 'Cách liên lạc với bạn (không bắt buộc)',
  contactHint: 'Số điện thoại, Zalo, KakaoTalk ID hoặc email',
  safeContact: 'Khi nào và bằng cách nào thì liên lạc với bạn là an toàn? (không bắt buộc)',
  safeContactHint: 'Ví dụ: chỉ nhắn tin, ngày thường từ 2 đến 4 giờ chiều. Đừng gọi điện.',
  honeypot: 'Trang web (để trống)',
  submit: 'Gửi',
  sending: 'Đang gửi…',
  sentTitle: 'Yêu cầu của bạn đã được gửi',
  reference: 'Mã số yêu cầu',
  next1:
    'Nhân viên tư vấn sẽ sớm xem yêu cầu và chỉ liên lạc với bạn theo cách và thời gian bạn đã cho biết.',
  next2: 'Nếu bạn không để lại cách liên lạc, hãy đọc mã số này khi gọi đường dây tư vấn.',
  next3: 'Nếu trong lúc chờ bạn gặp nguy hiểm, hãy gọi 112.',
  checkFields: 'Vui lòng kiểm tra các mục được đánh dấu.',
  regionRequired: 'Vui lòng chọn khu vực.',
  situationRequired: 'Vui lòng viết chuyện gì đang xảy ra.',
  fieldInvalid: 'Vui lòng kiểm tra mục này.',
  tooMany:
    'Có quá nhiều yêu cầu từ đây. Vui lòng đợi {minutes} phút rồi gửi lại. Nếu bạn đang gặp nguy hiểm, hãy gọi 112.',
  failed:
    'Chưa gửi được yêu cầu. Vui lòng thử lại sau ít phút. Nếu bạn đang gặp nguy hiểm, hãy gọi 112.',
  network: 'Không kết nối được. Vui lòng kiểm tra mạng rồi gửi lại.',
  tokenExpired: 'Trang này đã mở quá lâu. Vui lòng bấm “Gửi” thêm một lần nữa.',
  loadFailed: 'Không tải được danh sách khu vực.',
  retry: 'Thử lại',
  safetyTitle: 'Cách sử dụng an toàn',
  safetyIntro:
    'Nút “Thoát nhanh” đóng trang này và mở trang web khác, nhưng không xóa lịch sử duyệt web.',
  safety1:
    'Nếu được, hãy dùng cửa sổ ẩn danh (duyệt web riêng tư). Khi đóng cửa sổ, lịch sử sẽ không được lưu.',
  safety2:
    'Nếu không, hãy xóa trang này khỏi lịch sử duyệt web khi dùng xong (menu trình duyệt → Lịch sử).',
  safety3:
    'Nếu có người khác xem hoặc kiểm tra điện thoại hay máy tính của bạn, dùng máy của người bạn tin tưởng, hoặc máy tính công cộng như ở thư viện, có thể an toàn hơn.',
  safety4: 'Trang này không dùng cookie và không lưu những gì bạn viết trên máy.',
};

export const HELP_STRINGS: Record<HelpLanguage, HelpStrings> = { ko, en, th, vi, zh, ru, mn };

// The language asked for by ?lang=xx or by the path /help/xx; Korean otherwise.
export function helpLanguage(url: URL): HelpLanguage {
  const wanted = url.searchParams.get('lang') ?? url.pathname.split('/')[2] ?? '';
  return (HELP_LANGUAGES as readonly string[]).includes(wanted) ? (wanted as HelpLanguage) : 'ko';
}

export function fill(text: string, minutes: number): string {
  return text.replace('{minutes}', String(minutes));
}
