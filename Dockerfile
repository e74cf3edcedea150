# Flagtrail image: built from source in a JDK stage, run from the self-contained distribution (a jlink runtime, the
# jar and the launch script; see docs/operations.md) on a slim base as an unprivileged user. No JDK in the image.
#   docker build -t flagtrail .
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://flagtrail:secret@db:5432/flagtrail flagtrail

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package \
 && mkdir /dist \
 && tar -xzf bootstrap/target/flagtrail-linux-x64.tar.gz -C /dist

FROM debian:bookworm-slim
# curl is only for the health check below.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin flagtrail
COPY --from=build --chown=10001:10001 /dist/flagtrail /app
RUN mkdir -p /app/data && chown 10001:10001 /app/data
WORKDIR /app
USER 10001:10001
ENV PORT=8080 \
    EVENTS_PATH=/app/data/events \
    FLAGTRAIL_LEDGER_WITNESS_FILE_PATH=/app/data/witness \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
VOLUME /app/data
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health/readiness" > /dev/null || exit 1
# The launch script execs java, so SIGTERM reaches the JVM and shutdown is graceful (in-flight requests finish).
ENTRYPOINT ["/app/bin/flagtrail"]
