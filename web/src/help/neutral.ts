// Where quick exit sends the tab: an ordinary, harmless Korean site (the weather), so that
// anyone glancing at the screen sees nothing about help or Dandelion. No DOM here: the browser
// tests import it to intercept the navigation.
export const NEUTRAL_URL = 'https://weather.naver.com/';
