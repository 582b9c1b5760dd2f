// The Vue app: the gate as a bare tag typed through id-verify/vue; the token goes to the LMS
// server, which verifies it, as the demo's own page does.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
