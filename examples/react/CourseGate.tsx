// React: the gate as a component from `id-verify/react`, its events as typed props.
// npm install id-verify @lit/react   (react is yours already)
import { IdVerifyGate } from 'id-verify/react';

export function CourseGate({ session, onVerified }: { session: string; onVerified: (token: string) => void }) {
  return (
    <IdVerifyGate
      endpoint="/api"
      session={session}
      purpose="course-start"
      onIdVerifySuccess={(event) => onVerified(event.token)} // event: IdVerifySuccessEvent
      onIdVerifyFailure={(event) => console.warn(event.code, event.message)}
    />
  );
}
