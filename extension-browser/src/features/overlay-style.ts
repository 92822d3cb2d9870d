// NHS.UK look (nhsuk-frontend colours, type and focus state), scoped to the overlay's shadow root.
export const OVERLAY_CSS = `
:host { all: initial; display: block; margin: 16px 0; }
.wh { font-family: Frutiger W01, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #212b32;
  background: #fff; border: 1px solid #d8dde0; border-left: 8px solid #005eb8; padding: 12px 16px; max-width: 960px; box-sizing: border-box; }
.wh * { box-sizing: border-box; }
.wh__bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.wh__title { font-size: 19px; font-weight: 700; margin: 0; flex: 1 1 240px; }
.wh__count { font-weight: 400; }
button { font: inherit; font-size: 16px; cursor: pointer; border-radius: 4px; padding: 4px 10px; }
.wh__toggle { background: #005eb8; color: #fff; border: 2px solid #005eb8; box-shadow: 0 2px 0 #003087; }
.wh__secondary { background: #fff; color: #005eb8; border: 2px solid #005eb8; }
button:focus-visible, a:focus-visible { outline: 4px solid transparent; background: #ffeb3b; color: #212b32;
  box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; border-color: #212b32; }
a { color: #005eb8; }
a:visited { color: #330072; }
a:hover { color: #7c2855; }
.wh__list { list-style: none; margin: 12px 0 0; padding: 0; display: grid; gap: 12px; }
.wh__card { border: 1px solid #d8dde0; border-top: 4px solid #005eb8; padding: 12px; background: #f0f4f5; }
.wh__name { font-size: 19px; font-weight: 700; margin: 0 0 4px; }
.wh__summary { margin: 0 0 8px; }
.wh__facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; font-size: 14px; }
.wh__facts dt { font-weight: 700; }
.wh__facts dd { margin: 0; }
.wh__unclear { color: #8a1538; font-weight: 700; }
.wh__links { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 14px; margin: 0; padding: 0; list-style: none; }
.wh__note { font-size: 14px; color: #4c6272; margin: 8px 0 0; }
[hidden] { display: none !important; }
`;
