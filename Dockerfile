# syntax=docker/dockerfile:1
# One image recipe for every deployable service; pick it with the build arg MODULE:
#   docker build --build-arg MODULE=command-service -t duet-command-service .
# (docker-compose.yml passes MODULE for each service.)
# Both base images are pinned to exact releases on purpose (a tag such as 17-jre moves); bump them
# deliberately, together with docker-compose.yml's.

# Declared before the first FROM so both stages share one definition; each stage re-declares it.
ARG MODULE

# --- build: compile the module and the modules it depends on (-am), nothing else -------------
# A JDK image of an exact release, and the project's own Maven Wrapper (its Maven version is pinned
# in .mvn/wrapper): a maven:3.9.x-eclipse-temurin-17 tag would move with each JDK patch and OS.
FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /build
# The whole reactor is copied because Maven reads every module's pom listed in the root pom,
# even when building one of them; .dockerignore keeps target/, data/ and .git/ out.
COPY . .
ARG MODULE
# The cache mount keeps downloaded dependencies between builds without baking them into a layer.
# sharing=locked: compose builds the four services in parallel, and Maven's local repository is
# not safe to write from several Maven processes at once.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    case "$MODULE" in \
      identity|command-service|query-service|web-client) ;; \
      *) echo "build arg MODULE must be identity, command-service, query-service or web-client (got '$MODULE')" >&2; exit 1 ;; \
    esac \
 && ./mvnw -B -ntp -pl "$MODULE" -am package -DskipTests \
 && cp "$MODULE"/target/"$MODULE"-*-exec.jar /build/app.jar

# --- run: a JRE only, as an unprivileged user ---------------------------------------------------
FROM eclipse-temurin:17.0.16_8-jre-noble
# A fixed numeric uid lets orchestrators verify runAsNonRoot; the jar stays root-owned (read-only
# to the app). The image also ships curl, which docker-compose.yml's health checks use.
RUN groupadd --system --gid 10001 duet \
 && useradd --system --uid 10001 --gid duet --no-create-home --shell /usr/sbin/nologin duet \
 && install -d -o 10001 -g 10001 -m 700 /var/lib/duet/keys
# The keys folder (key-encryption key, erasure ledger): a volume of its own in docker-compose.yml, owned
# by the app's user, so a new volume takes these owners and permissions.
WORKDIR /app
# The spring-boot-maven-plugin writes the runnable jar with the classifier "exec" (the plain jar
# beside it is the library that standalone composes); the build stage copied it to one fixed name.
COPY --from=build /build/app.jar /app/app.jar
# Axon would otherwise send anonymous usage reports to its vendor; Duet makes no outside calls.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
USER 10001:10001
# Heap sized from the container's memory limit rather than a fixed -Xmx, so one image fits any limit.
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]
