// custom-elements.json, as shipped with the widget package (`npm run analyze`, part of the
// build). It describes the public elements only, as the package ships them: paths into dist/,
// events as their JSDoc `@fires` lines declare them (typed), nothing guessed from code.
import { defineHelperCalls, documentedEventsOnly, pathsIntoDist, publicElementsOnly } from './scripts/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/dev/**', 'src/react/**', 'src/types/**'],
  litelement: true,
  plugins: [defineHelperCalls(), documentedEventsOnly(), publicElementsOnly(), pathsIntoDist()],
};
