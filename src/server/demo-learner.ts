/**
 * The demo learner, the seed manual's example member: dev sessions default to them and the
 * simulated carrier knows their line from the start.
 */
export const DEMO_LEARNER = {
  subject: 'learner-001',
  name: '홍길동',
  phone: '010-1234-5678',
  birth: '900101-1',
  purpose: 'login',
} as const;
