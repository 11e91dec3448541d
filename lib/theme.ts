// The reader's colour theme: 'light', 'dark' or 'system' (follow the operating system), kept in
// localStorage. themeScript runs inline in <head> before the first paint, so there is no flash
// of the wrong theme, and keeps following the system while the choice is 'system'. It also records
// the choice itself (data-theme-choice), so the theme selector shows it before React hydrates. It also tells
// the server the reader's time zone (cookie "tz"), for streaks and the activity calendar.
export const themeStorageKey = 'backend-path:theme';
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export const themeScript = `(function(){try{var k=${JSON.stringify(themeStorageKey)};var m=window.matchMedia('(prefers-color-scheme: dark)');function a(){var c=localStorage.getItem(k);var d=c==='dark'||(c!=='light'&&m.matches);var h=document.documentElement.dataset;h.theme=d?'dark':'light';h.themeChoice=c==='dark'||c==='light'?c:'system';}a();m.addEventListener('change',a);window.addEventListener('storage',function(e){if(e.key===k)a();});window.__applyTheme=a;document.cookie='tz='+encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)+';path=/;max-age=31536000;samesite=lax';}catch(e){}})();`;
