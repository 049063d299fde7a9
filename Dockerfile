# Compact Bot: multi-stage build on official Eclipse Temurin images.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# a dependency that cannot be fetched fails the build here, not later inside the package step
RUN ./mvnw -B -q -Pimage dependency:go-offline -DexcludeReactor=true
COPY src/ src/
# -Pimage: Linux native libraries only (the portable developer jar carries macOS and Windows ones too)
RUN ./mvnw -B -q -Pimage -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system compact && useradd --system --gid compact --home /app compact
WORKDIR /app
COPY --from=build /src/target/compact-bot.jar /app/compact-bot.jar
COPY index-data/ /app/index-data/
COPY config/ /app/config/
RUN mkdir -p /app/data && chown -R compact:compact /app/data
USER compact
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz || exit 1
# the heap follows the container's memory limit rather than the host's
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/compact-bot.jar"]
CMD ["serve"]
