import { defineConfig } from "vite";

// The gateway serves the built files from its wwwroot; `dotnet build` runs this build (see Gateway.csproj).
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:5000", "/hubs": { target: "http://127.0.0.1:5000", ws: true } },
  },
});
