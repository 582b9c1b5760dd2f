// The LMS page's own script: what an LMS developer writes around the gate. On success it
// sends the token to its server, which verifies it, and shows the claims the server trusts.
import '../src/index.ts';

const gate = document.querySelector('id-verify-gate')!;
const status = document.getElementById('lms-status')!;
const claimsView = document.getElementById('lms-claims')!;
const pageId = document.querySelector<HTMLMetaElement>('meta[name="lms-page"]')!.content;

gate.addEventListener('id-verify-success', async (event) => {
  status.textContent = '토큰을 LMS 서버에서 확인하는 중입니다…';
  const response = await fetch('/lms/verify-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pageId, token: event.token }),
  });
  const answer = (await response.json()) as { ok: boolean; claims?: unknown; reason?: string };
  if (answer.ok) {
    status.textContent = `확인됨: ${event.method} 인증으로 수강을 시작할 수 있습니다.`;
    claimsView.textContent = JSON.stringify(answer.claims, null, 2);
    claimsView.hidden = false;
    document.body.dataset.verified = 'true';
  } else {
    status.textContent = `LMS 서버가 토큰을 거부했습니다: ${answer.reason}`;
  }
});

gate.addEventListener('id-verify-failure', (event) => {
  status.textContent = `본인인증 실패 (${event.code}): ${event.message}`;
});

gate.addEventListener('id-verify-cancel', () => {
  status.textContent = '본인인증을 취소했습니다. 인증 전에는 수강할 수 없습니다.';
});

gate.addEventListener('id-verify-skip', () => {
  status.textContent = '오늘은 이미 본인인증을 완료했습니다.';
});
