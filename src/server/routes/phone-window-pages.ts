/**
 * The pages of the window check, served by this server and run under a strict CSP: no inline
 * script or style — one script file of ours ({@link WINDOW_PAGE_SCRIPT}) reads what the page
 * carries in `data-` attributes and acts:
 *
 * - the launch page posts the provider's form (the only place the form exists: never built by
 *   the element as markup), so the window lands on the provider's page;
 * - the result page hands the one-time reference to the gate: `postMessage` to the exact
 *   origin that started the check (never `'*'`), then closes; or, opened in the same window,
 *   goes back to the page with the reference in the fragment.
 */
import type { PhoneWindowMessage } from '../../protocol/index.js';
import type { WindowLaunch } from '../providers/phone/window.js';
import type { WindowHandover } from '../policy/phone-window.js';

/** The script every window page runs (served at `…/v1/phone/window/page.js`). */
export const WINDOW_PAGE_SCRIPT = `'use strict';
(() => {
  const data = document.body.dataset;
  if (data.idvRole === 'launch') {
    document.getElementById('idv-launch').submit();
    return;
  }
  if (data.idvRole !== 'result') return;
  const message = JSON.parse(data.idvMessage);
  if (data.idvMode === 'redirect' && data.idvReturnTo) {
    location.replace(data.idvReturnTo + '#idv-window=' + message.tx + '.' + (message.ref || message.outcome));
  } else if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, data.idvOrigin);
    window.close();
  } else {
    document.getElementById('idv-orphan').hidden = false;
  }
})();
`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside an HTML attribute value or element. */
const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** The CSP of a window page: our script only; forms may go only to `formAction`. */
export function windowPageCsp(formAction: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${formAction}`,
    "require-trusted-types-for 'script'",
    'trusted-types',
  ].join('; ');
}

const page = (title: string, body: string, attributes: Record<string, string>, scriptUrl: string) => {
  const data = Object.entries(attributes)
    .map(([name, value]) => ` data-idv-${name}="${escape(value)}"`)
    .join('');
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="referrer" content="no-referrer"><title>${escape(title)}</title></head>
<body${data}>
${body}
<script src="${escape(scriptUrl)}"></script>
</body>
</html>
`;
};

/** The launch page: the provider's form, posted by our script (or by the learner's click without script). */
export function launchPage(launch: WindowLaunch, scriptUrl: string): string {
  const fields = Object.entries(launch.fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n');
  return page(
    '본인확인',
    `<form id="idv-launch" method="post" action="${escape(launch.action)}">
${fields}
<p>본인확인 창으로 이동합니다. 이동하지 않으면 아래 버튼을 눌러 주세요.</p>
<button type="submit">본인확인 계속하기</button>
</form>`,
    { role: 'launch' },
    scriptUrl,
  );
}

/** The result page: hands the reference over (see {@link WINDOW_PAGE_SCRIPT}). */
export function resultPage(handover: WindowHandover, scriptUrl: string): string {
  const message: PhoneWindowMessage = handover.message;
  return page(
    '본인확인 완료',
    `<p>본인확인 결과를 전달하고 있습니다.</p>
<p id="idv-orphan" hidden>원래 화면이 닫혔습니다. 이 창을 닫고 학습 화면에서 다시 시도해 주세요.</p>`,
    {
      role: 'result',
      message: JSON.stringify(message),
      origin: handover.origin,
      mode: handover.mode,
      ...(handover.returnTo !== undefined ? { 'return-to': handover.returnTo } : {}),
    },
    scriptUrl,
  );
}

/** A page that says the window check cannot go on, and why, without handing anything over. */
export function refusalPage(text: string, scriptUrl: string): string {
  return page('본인확인', `<p>${escape(text)}</p>\n<p>이 창을 닫고 다시 시도해 주세요.</p>`, { role: 'refusal' }, scriptUrl);
}
