// The React app: the gate (a wrapper from id-verify/react) and a bare <motp-input> tag; the
// token goes to the LMS server, which verifies it, as the demo's own page does.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CodeField } from './CodeField';
import { CourseGate } from './CourseGate';

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)!.content;

function App() {
  const [status, setStatus] = useState('waiting');
  const [code, setCode] = useState('');
  const onVerified = async (token: string) => {
    const answer = await fetch('/lms/verify-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pageId: meta('lms-page'), token }),
    });
    const result = (await answer.json()) as { ok: boolean; claims?: { sub: string; method: string } };
    setStatus(result.ok ? `verified ${result.claims!.sub} by ${result.claims!.method}` : 'refused');
  };
  return (
    <main>
      <CourseGate session={meta('lms-session')} onVerified={onVerified} />
      <p id="lms-status">{status}</p>
      <CodeField onCode={setCode} />
      <p id="code">{code}</p>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
