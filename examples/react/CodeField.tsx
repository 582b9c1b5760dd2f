// React 19, bare tag: `id-verify/react-jsx` types the tags in JSX. React 19 hands a custom
// element's events to `on` + the event's own name, so the handler is `onmotp-complete`.
import 'id-verify/motp-input';
import type {} from 'id-verify/react-jsx';

export function CodeField({ onCode }: { onCode: (code: string) => void }) {
  return <motp-input name="otp" label="확인 코드" onmotp-complete={(event) => onCode(event.value)} />;
}
