/**
 * Groovy for the `SSE connect` JSR223 sampler: a real Server-Sent Events client. It opens
 * GET <gateway>/servers/<SERVER_ID>/sse, records the time to the first complete event as the
 * sample's latency, counts events, keeps the stream open for SSE_HOLD_MS and fails if the
 * server closes it earlier. Values come from vars/props (never ${…}) so the script compiles once.
 */
export const SSE_SCRIPT = String.raw`
import java.net.HttpURLConnection
import java.net.URL

long holdMs = Long.parseLong(vars.get('SSE_HOLD_MS'))
int firstEventTimeoutMs = Integer.parseInt(vars.get('SSE_FIRST_EVENT_TIMEOUT_MS'))
String base = vars.get('GW_PROTOCOL') + '://' + vars.get('GW_HOST') + ':' + vars.get('GW_PORT') + vars.get('GW_BASE_PATH')
URL url = new URL(base + '/servers/' + vars.get('SSE_SERVER_ID') + '/sse')
SampleResult.setURL(url)
HttpURLConnection conn = (HttpURLConnection) url.openConnection()
conn.setRequestProperty('Accept', 'text/event-stream')
conn.setRequestProperty('Cache-Control', 'no-cache')
conn.setRequestProperty('Authorization', 'Bearer ' + props.getProperty('TOKEN', ''))
conn.setConnectTimeout(Integer.parseInt(vars.get('SSE_CONNECT_TIMEOUT_MS')))
conn.setReadTimeout((int) Math.max(holdMs, firstEventTimeoutMs) + 5000)
conn.setUseCaches(false)

SampleResult.sampleStart()
long started = System.currentTimeMillis()
int code
try {
  code = conn.getResponseCode()
} catch (IOException e) {
  SampleResult.sampleEnd(); SampleResult.setSuccessful(false); SampleResult.setResponseCode('connect failed')
  SampleResult.setResponseMessage(e.toString()); return
}
SampleResult.connectEnd()
SampleResult.setResponseCode(String.valueOf(code))
String type = conn.getContentType() ?: ''
if (code != 200 || !type.startsWith('text/event-stream')) {
  SampleResult.latencyEnd(); SampleResult.sampleEnd(); SampleResult.setSuccessful(false)
  SampleResult.setResponseMessage('expected 200 text/event-stream, got ' + code + ' ' + type)
  conn.disconnect(); return
}
long deadline = started + holdMs
int events = 0
long firstEventMs = -1
boolean noFirstEvent = false
Timer closer = new Timer(true)
closer.schedule({ conn.disconnect() } as TimerTask, Math.max(1L, holdMs))
closer.schedule({ if (firstEventMs < 0) { noFirstEvent = true; conn.disconnect() } } as TimerTask, (long) firstEventTimeoutMs)
boolean pending = false
String failure = null
BufferedReader reader = new BufferedReader(new InputStreamReader(conn.getInputStream(), 'UTF-8'))
try {
  String line
  while ((line = reader.readLine()) != null) {
    if (line.isEmpty()) {
      if (pending) {
        events++
        pending = false
        if (firstEventMs < 0) { firstEventMs = System.currentTimeMillis() - started; SampleResult.latencyEnd() }
      }
    } else if (!line.startsWith(':')) {
      pending = true
    }
  }
  if (failure == null && System.currentTimeMillis() < deadline - 50) failure = 'stream closed by the server early'
} catch (IOException e) {
  if (System.currentTimeMillis() < deadline - 50) failure = 'stream failed early: ' + e
} finally {
  closer.cancel()
  conn.disconnect()
}
if (noFirstEvent) failure = 'no event within ' + firstEventTimeoutMs + ' ms'
else if (firstEventMs < 0 && failure == null) failure = 'no event received'
SampleResult.sampleEnd()
long heldMs = System.currentTimeMillis() - started
SampleResult.setSuccessful(failure == null)
SampleResult.setResponseMessage(failure ?: 'OK')
SampleResult.setDataType(org.apache.jmeter.samplers.SampleResult.TEXT)
SampleResult.setResponseData('events=' + events + ' first_event_ms=' + firstEventMs + ' held_ms=' + heldMs, 'UTF-8')
`;
