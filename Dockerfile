# Compact Bot: multi-stage build on official Eclipse Temurin images.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

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
ENTRYPOINT ["java", "-jar", "/app/compact-bot.jar"]
CMD ["serve"]
