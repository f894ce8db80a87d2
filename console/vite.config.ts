import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Everything is bundled: the console works offline (no CDN, no web fonts). Relative asset paths, so
// the registry may serve it under any prefix.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  // `npm run dev -w @peacegraph/console`: live reload against the registry npm start runs.
  server: {
    proxy: {
      '/graphql': 'http://localhost:4010',
      '/console-config.json': 'http://localhost:4010',
    },
  },
});
