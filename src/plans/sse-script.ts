/**
 * Groovy for the `SSE connect` JSR223 sampler: a real Server-Sent Events client on the JDK
 * HttpClient. It opens GET <gateway><API_PREFIX>/servers/<SERVER_ID>/sse, records the time to the first
 * complete event as the sample's latency, counts events, keeps the stream open for
 * SSE_HOLD_MS and fails if the server closes it earlier or sends no event within
 * SSE_FIRST_EVENT_TIMEOUT_MS. Lines are pushed to a subscriber, so nothing blocks on a read and
 * the hold ends on time. Values come from vars/props (never ${…}): the script compiles once.
 * With the parameter `warm-up` (the setUp group) it compiles the script, builds the shared client and
 * reads one event, then leaves no sample: the load's first samples then measure the stream, not the JVM.
 * TLS follows JMeter's HTTP samplers: any certificate is accepted, unless a truststore is configured
 * (`javax.net.ssl.trustStore`, set by `jtl run --truststore`): then the chain and the host name are verified against
 * it; SSE_TLS_TRUST_ALL (`jtl run --insecure`) accepts any certificate even then. A failed connect reports its cause
 * the way JMeter's samplers do (Non HTTP response code/message), is logged once per cause, and the thread backs off
 * (50 ms doubling up to 1 s, kept out of the sample's elapsed time as idle time) instead of retrying in a tight loop.
 */
export const SSE_SCRIPT = String.raw`
import java.net.http.HttpClient
import java.security.cert.X509Certificate
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine
import javax.net.ssl.TrustManager
import javax.net.ssl.X509ExtendedTrustManager
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.ExecutionException
import java.util.concurrent.Flow
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong
import java.util.concurrent.atomic.AtomicReference

boolean warmUp = Parameters == 'warm-up'
long firstEventTimeoutMs = Long.parseLong(vars.get('SSE_FIRST_EVENT_TIMEOUT_MS'))
long holdMs = warmUp ? 0L : Long.parseLong(vars.get('SSE_HOLD_MS'))
long connectTimeoutMs = Long.parseLong(vars.get('SSE_CONNECT_TIMEOUT_MS'))
String base = vars.get('GW_PROTOCOL') + '://' + vars.get('GW_HOST') + ':' + vars.get('GW_PORT') + vars.get('GW_API_PATH')
URI uri = URI.create(base + '/servers/' + vars.get('SSE_SERVER_ID') + '/sse')
SampleResult.setURL(uri.toURL())

// One client for all threads of the test (one selector thread, HTTP/1.1 like a browser's EventSource).
HttpClient client = (HttpClient) props.computeIfAbsent('jmeter-mcp-toolkit.sse.client', { k ->
  boolean verify = System.getProperty('javax.net.ssl.trustStore') && vars.get('SSE_TLS_TRUST_ALL') != 'true'
  SSLContext tls = SSLContext.getDefault()
  if (!verify) {
    // An extended trust manager: the JDK adds no host name check of its own around it.
    X509ExtendedTrustManager any = new X509ExtendedTrustManager() {
      void checkClientTrusted(X509Certificate[] c, String a) { }
      void checkServerTrusted(X509Certificate[] c, String a) { }
      void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
      void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
      void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
      void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
      X509Certificate[] getAcceptedIssuers() { new X509Certificate[0] }
    }
    tls = SSLContext.getInstance('TLS')
    tls.init(null, [any] as TrustManager[], null)
  }
  log.info('SSE client: ' + (verify ? 'verifying certificates against ' + System.getProperty('javax.net.ssl.trustStore') : 'accepting any certificate'))
  HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(connectTimeoutMs)).sslContext(tls).build()
})
HttpRequest request = HttpRequest.newBuilder(uri)
  .header('Accept', 'text/event-stream')
  .header('Cache-Control', 'no-cache')
  .header('Authorization', 'Bearer ' + props.getProperty('TOKEN', ''))
  .GET().build()

long started = System.currentTimeMillis()
AtomicInteger events = new AtomicInteger()
AtomicLong firstEventAt = new AtomicLong(-1)
AtomicBoolean pending = new AtomicBoolean(false)
AtomicReference<Flow.Subscription> subscription = new AtomicReference<>()
AtomicReference<String> head = new AtomicReference<>()
CompletableFuture<Object> ended = new CompletableFuture<>()
CompletableFuture<Object> firstEvent = new CompletableFuture<>()

Flow.Subscriber<String> lines = new Flow.Subscriber<String>() {
  void onSubscribe(Flow.Subscription s) { subscription.set(s); s.request(Long.MAX_VALUE) }
  void onNext(String line) {
    if (line.isEmpty()) {
      if (pending.getAndSet(false) && events.incrementAndGet() == 1) {
        firstEventAt.set(System.currentTimeMillis())
        firstEvent.complete('event')
      }
    } else if (!line.startsWith(':')) {
      pending.set(true)
    }
  }
  void onError(Throwable t) { ended.complete(t) }
  void onComplete() { ended.complete('closed') }
}
HttpResponse.BodyHandler<Void> handler = { HttpResponse.ResponseInfo info ->
  head.set(info.statusCode() + ' ' + info.headers().firstValue('content-type').orElse(''))
  if (info.statusCode() != 200) ended.complete('status')
  HttpResponse.BodySubscribers.fromLineSubscriber(lines)
} as HttpResponse.BodyHandler<Void>
client.sendAsync(request, handler).whenComplete({ r, e -> if (e != null) ended.complete(e) })

String failure = null
Object end = null
// The first event may come after the hold (a slow gateway): wait for it up to SSE_FIRST_EVENT_TIMEOUT_MS.
try {
  CompletableFuture.anyOf(firstEvent, ended).get(firstEventTimeoutMs, TimeUnit.MILLISECONDS)
} catch (TimeoutException ignored) {
  failure = 'no event within ' + firstEventTimeoutMs + ' ms'
}
if (ended.isDone()) end = ended.get()
if (end == null && failure == null) {
  try {
    end = ended.get(Math.max(0L, started + holdMs - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
  } catch (TimeoutException ignored) { }
}
subscription.get()?.cancel()
Throwable error = end instanceof Throwable ? (Throwable) end : null
while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) error = error.getCause()
String status = head.get()
if (status == null && error != null) {
  // No response at all (refused, TLS handshake, timeout): reported like JMeter's HTTP samplers report it.
  SampleResult.setResponseCode('Non HTTP response code: ' + error.getClass().getName())
  failure = 'Non HTTP response message: ' + (error.getMessage() ?: error.getClass().getSimpleName())
} else {
  SampleResult.setResponseCode((status ?: 'no response').split(' ')[0])
}
if (firstEventAt.get() > 0) SampleResult.setLatency(firstEventAt.get() - started)
if (failure == null && end != null) {
  failure = end == 'status' || !(status ?: '').contains('text/event-stream') ? 'expected 200 text/event-stream, got ' + (status ?: 'no response')
    : error != null ? 'stream failed early: ' + error : 'stream closed by the server early'
}
if (failure == null && firstEventAt.get() < 0) failure = 'no event received'
long heldMs = System.currentTimeMillis() - started
SampleResult.setSuccessful(failure == null)
SampleResult.setResponseMessage(failure ?: 'OK')
SampleResult.setResponseData('events=' + events.get() + ' first_event_ms=' + (firstEventAt.get() < 0 ? -1 : firstEventAt.get() - started) + ' held_ms=' + heldMs, 'UTF-8')
if (warmUp) SampleResult.setIgnore()
Set<String> logged = (Set<String>) props.computeIfAbsent('jmeter-mcp-toolkit.sse.logged', { k -> ConcurrentHashMap.newKeySet() })
if (failure != null && logged.size() < 20 && logged.add(failure)) log.warn('SSE connect to ' + uri + ' failed: ' + failure)
int failures = failure != null && events.get() == 0 ? Integer.parseInt(vars.get('SSE_CONNECT_FAILURES') ?: '0') + 1 : 0
vars.put('SSE_CONNECT_FAILURES', String.valueOf(failures))
if (failures > 0) {
  long pausedAt = System.currentTimeMillis()
  try {
    Thread.sleep(Math.min(1000L, 50L << Math.min(failures - 1, 5)))
  } catch (InterruptedException stopping) {
    Thread.currentThread().interrupt()
  }
  SampleResult.setIdleTime(System.currentTimeMillis() - pausedAt)
}
`;
