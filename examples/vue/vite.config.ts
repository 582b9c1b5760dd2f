// Vue 3 + Vite: tell Vue's compiler the tags are custom elements, not Vue components.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const tags = ['id-verify-gate', 'motp-input', 'pass-carrier-picker'];

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.includes(tag) } } })],
});
