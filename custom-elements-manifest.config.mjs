// custom-elements.json, as shipped with the widget package (`npm run analyze`, part of the
// build). It describes the public elements only, as the package ships them: paths into dist/,
// events as their JSDoc `@fires` lines declare them (typed), nothing guessed from code.
import { defineHelperCalls, documentedEventsOnly, pathsIntoDist, publicElementsOnly } from './scripts/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/dev/**', 'src/react/**', 'src/types/**'],
  litelement: true,
  // Leave package.json alone: the widget package names its manifest itself, and a run with
  // --outdir (the manifest test) would otherwise write that path into it.
  packagejson: false,
  plugins: [defineHelperCalls(), documentedEventsOnly(), publicElementsOnly(), pathsIntoDist()],
};
