#!/bin/sh
# Apache JMeter 5.6.3 launcher for a home assembled from Maven Central (the official tarball's
# bin/jmeter is not published there). Same JVM defaults as the official script; `exec` so that
# signals sent to this process reach the JVM (its shutdown hook closes the JTL cleanly).
JMETER_HOME=$(cd "$(dirname "$0")/.." && pwd)
: "${HEAP:=-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m}"
: "${GC_ALGO:=-XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:G1ReservePercent=20}"
JAVA9_OPTS="--add-opens java.desktop/sun.awt=ALL-UNNAMED --add-opens java.desktop/sun.swing=ALL-UNNAMED --add-opens java.desktop/javax.swing.text.html=ALL-UNNAMED --add-opens java.desktop/java.awt=ALL-UNNAMED --add-opens java.desktop/java.awt.font=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED --add-opens=java.desktop/sun.awt.shell=ALL-UNNAMED"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" $JAVA9_OPTS -server -XX:+HeapDumpOnOutOfMemoryError $HEAP $GC_ALGO \
  -Djava.security.egd=file:/dev/urandom -Duser.language=en -Duser.region=EN $JVM_ARGS \
  -jar "$JMETER_HOME/bin/ApacheJMeter.jar" "$@"
