# mlops serve in a container: the committed bundle and its runtime dependencies, run as a non-root user.
# Build:  docker build -t mlops-serve .
# Run:    docker run -p 5000:5000 -v "$PWD/models:/srv/models:ro" -e MLOPS_ADMIN_TOKEN=… mlops-serve \
#           serve --model /srv/models/spam-detector/v1/spam-detector-model.json.gz --host 0.0.0.0
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/mlops
COPY package.json package-lock.json ./
# The bundle carries its dependencies; only the CLI's own files are needed.
COPY bin ./bin
COPY dist ./dist
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin mlops
USER 10001
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:5000/ping').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "/opt/mlops/bin/mlops.js"]
CMD ["serve", "--help"]
