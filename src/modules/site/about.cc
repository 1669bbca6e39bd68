// The network's own description (its introduction, history and what its members do), in Korean
// and English, for the public site's home page. Kept as the network wrote it, shortened.
#include "modules/site/about.h"

namespace dandelion::site {

std::string_view AboutHtml(Lang lang) {
  if (lang == Lang::kEn) {
    return R"html(<p>National Solidarity against Sexual Exploitation of Women is a group of women's
human rights organizations working against prostitution. It was founded on 9 June 2004 by 13
organizations across the country: counseling centers, shelters and self-reliance support centers,
and a network of prostitution survivors.</p>
<p>It began as a task force formed after the deaths of prostituted women in the fires in Gunsan
in 2000 and 2002, played a leading role in the anti-prostitution laws of 2004, and has held the
<strong>Dandelion Pilgrimage</strong> every year since 2006: a journey through red-light districts
to the sites of the Gunsan fires, in memory of the women who died.</p>
<p>It regards prostitution as violence against women and sexual exploitation, works to curb
demand and dismantle the exploitative structure of the sex trade, and to decriminalize
prostituted women and help survivors be heard.</p>
<h3>What the network and its members do</h3>
<ul>
<li>Emergency rescue together with the police when a victim of sex trafficking asks for it</li>
<li>Psychological therapy for women exiting prostitution</li>
<li>Legal assistance and medical treatment</li>
<li>Self-reliance support: vocational training, education, housing</li>
<li>Lobbying for stronger penalties for sex buyers, pimps and brothel owners, and for local
ordinances that support women leaving prostitution</li>
<li>Public awareness campaigns, policy forums, activist training and alliances</li>
</ul>)html";
  }
  return R"html(<p>성매매문제해결을위한전국연대는 성매매에 반대하는 여성인권단체들의 연대체입니다.
2004년 6월 9일, 전국 13개 단체가 함께 만들었습니다. 상담소, 지원시설, 자활지원센터, 그리고
성매매 경험 당사자 네트워크가 회원 단체입니다.</p>
<p>2000년과 2002년 군산 성매매 집결지 화재로 여성들이 목숨을 잃은 사건에 대응하며 시작되었고,
2004년 성매매방지법 제정에 앞장섰습니다. 2006년부터 해마다 성매매 집결지를 지나 군산 화재 현장까지
걸으며 숨진 여성들을 기리는 <strong>민들레순례</strong>를 엽니다.</p>
<p>전국연대는 성매매를 여성에 대한 폭력이자 성착취로 봅니다. 성구매 수요를 차단하고 성산업의 착취
구조를 해체하며, 성매매 여성의 비범죄화와 당사자의 목소리를 위해 활동합니다.</p>
<h3>전국연대와 회원 단체가 하는 일</h3>
<ul>
<li>성착취 피해자가 요청하면 경찰과 함께 하는 긴급 구조</li>
<li>성매매에서 벗어나려는 여성을 위한 심리 치료</li>
<li>법률 지원과 의료 지원</li>
<li>자립 지원: 직업훈련, 교육, 주거</li>
<li>성구매자·알선업자·업주 처벌 강화와 탈성매매 여성 지원 조례를 위한 정책 활동</li>
<li>대중 캠페인, 정책 토론회, 활동가 교육과 연대 활동</li>
</ul>)html";
}

}  // namespace dandelion::site
