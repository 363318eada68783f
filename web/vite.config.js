import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The web client is built into target/classes/static: the Maven module packs it into a jar, and the gateway
// serves it at / from its classpath. `npm run dev` serves it on :5173 and sends the gateway's paths on to a
// running platform (./run.sh, gateway on :8080), so the session cookie and CSRF work as they do when served.
const gateway = process.env.DANGJIAN_GATEWAY_URL || 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout'];

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // Element Plus and ECharts are large by nature; the views are split per route
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.js'],
    // the tests assert what the screens do, not how fast: a file's first test mounts Element Plus, which took 5.7 s
    // while the build's other work shared the two cores (Vitest's default limit is 5 s)
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Element Plus through Vite as in the build (its CommonJS build loses async-validator's default export in Node)
    server: { deps: { inline: ['element-plus'] } },
  },
});
