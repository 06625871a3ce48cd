# Sourced by the launcher and the build scripts: picks a JDK that runs Java 21 class files.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "verity: needs a JDK 21 or newer (set JAVA_HOME)" >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 24+ prints sun.misc.Unsafe warnings; they are harmless, keep them quiet.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
