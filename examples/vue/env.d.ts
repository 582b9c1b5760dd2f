// Vue 3 + TypeScript: the three tags in GlobalComponents, so `vue-tsc` with strict templates
// checks their attributes, properties and `@event`s.
/// <reference types="id-verify/vue" />
