/** What `npm start` prints: the demo's URLs, and a loud warning while the dev routes are on. */

/** The lines printed once the demo listens on `origin`. */
export function startupBanner(origin: string, state: { devRoutes: boolean; motp?: string; phone?: string }): string {
  const lines = [
    'id-verify demo',
    `  LMS course page   ${origin}/`,
    `  phone simulator   ${origin}/phone`,
    `  verification API  ${origin}/api/v1/config`,
    ...(state.motp ? [`  mOTP              ${state.motp}`] : []),
    ...(state.phone ? [`  phone check       ${state.phone}`] : []),
  ];
  if (state.devRoutes) {
    const rule = '!'.repeat(78);
    lines.push(
      '',
      rule,
      `!!  DEV ROUTES ARE ON: ${origin}/api/v1/dev/*`,
      '!!  They mint a session for any learner, reveal captcha answers and mOTP secrets, and',
      '!!  drive the simulated phones. Local testing only: never expose this server.',
      rule,
    );
  }
  return lines.join('\n');
}
