# Backend Path as a container: three stages, the last one runs as a non-root user and holds only
# the standalone server (no dev dependencies, no sources). Build and run:
#   docker build -t backend-path .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e AUTH_SECRET=... \
#     -e NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=... -e APP_URL=https://... -e AUTH_TRUST_HOST=true \
#     -e TRUSTED_PROXIES=<your proxy's address or CIDR> backend-path
# The server refuses to start without APP_URL, and creates no demo accounts.
# Migrations run once per deploy, not per container, from the build stage:
#   docker build --target migrate -t backend-path-migrate .
#   docker run --rm -e DATABASE_URL=postgres://... backend-path-migrate

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci wants every platform's optional binaries in the lockfile; see README ("Deployment").
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM build AS migrate
CMD ["npm", "run", "db:migrate"]

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app app
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Node runs as PID 1 here: it receives SIGTERM directly and shuts down gracefully.
CMD ["node", "start.mjs"]
