import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import * as Icons from '@element-plus/icons-vue';
import App from './App.vue';
import { i18n, useLanguage } from './i18n/index.js';
import { router } from './router/index.js';
import { useSession } from './stores/session.js';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(ElementPlus);
// the icons the menus and screens name (menu entries name theirs as strings)
Object.entries(Icons).forEach(([name, component]) => app.component(`Icon${name}`, component));

useLanguage(i18n.global.locale.value);
const session = useSession(pinia);

/** Signed in or not, the client starts; a failure on the way (a script of a former build gone) is shown, not hidden. */
async function start() {
  await session.load();
  app.use(router);
  try {
    const remembered = session.signedIn ? session.takeRememberedPage() : null;
    if (remembered) {
      await router.replace(remembered);
    }
    await router.isReady();
  } catch (e) {
    session.state = 'failed';
    session.error = e;
  }
  app.mount('#app');
}
start();
