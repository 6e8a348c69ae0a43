/**
 * Groovy of the MCP client elements (compiled once; values come from vars/props, never `${…}`).
 * Sessions: the id a server returns on `initialize` goes into MCP_SESSION_ID (MCP_SESSION_OPEN=true) and
 * into a per-test registry, so the tearDown group can end every session a thread left open.
 */
export const SESSION_REGISTRY = 'jmeter-mcp-toolkit.mcp.sessions';

/** Pre-processor: sends `Mcp-Session-Id` only when the thread holds a session, and never on `initialize`. */
export const SESSION_HEADER_SCRIPT = String.raw`
import org.apache.jmeter.protocol.http.control.Header
import org.apache.jmeter.protocol.http.control.HeaderManager
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerBase
import org.apache.jmeter.testelement.property.TestElementProperty

String session = vars.get('MCP_SESSION_ID')
if (!session || !(sampler instanceof HTTPSamplerBase)) return
def args = sampler.getArguments()
String body = args.getArgumentCount() > 0 ? args.getArgument(0).getValue() : ''
if (body.contains('"method":"initialize"')) return
// The merged header manager is this sample's own: a copy keeps the thread's managers unchanged.
HeaderManager merged = sampler.getHeaderManager()
HeaderManager headers = merged == null ? new HeaderManager() : (HeaderManager) merged.clone()
headers.removeHeaderNamed('Mcp-Session-Id')
headers.add(new Header('Mcp-Session-Id', session))
sampler.setProperty(new TestElementProperty(HTTPSamplerBase.HEADER_MANAGER, headers))
`;

/**
 * Post-processor: an SSE-framed reply (JSON_RESPONSE_ENABLED=false: "event: message" / "data: {…}") becomes
 * the JSON of its last event, so the JSON assertions read both response modes; keeps the session an
 * `initialize` opened and forgets the one a DELETE ended.
 */
export const REPLY_SCRIPT = String.raw`
import java.util.concurrent.ConcurrentHashMap
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerBase

if (!(sampler instanceof HTTPSamplerBase)) return
if ((prev.getContentType() ?: '').contains('text/event-stream')) {
  String last = null
  StringBuilder data = new StringBuilder()
  prev.getResponseDataAsString().eachLine { String line ->
    if (line.startsWith('data:')) {
      if (data.length() > 0) data.append('\n')
      data.append(line.substring(5).trim())
    } else if (line.isEmpty() && data.length() > 0) {
      last = data.toString()
      data.setLength(0)
    }
  }
  if (data.length() > 0) last = data.toString()
  if (last != null) prev.setResponseData(last, 'UTF-8')
}
Map sessions = (Map) props.computeIfAbsent('${SESSION_REGISTRY}', { k -> new ConcurrentHashMap() })
String code = prev.getResponseCode()
if (sampler.getMethod() == 'DELETE') {
  if (code == '200' || code == '404') {
    sessions.remove(vars.get('MCP_SESSION_ID') ?: '')
    vars.put('MCP_SESSION_ID', '')
    vars.put('MCP_SESSION_OPEN', 'false')
  }
  return
}
def args = sampler.getArguments()
String body = args.getArgumentCount() > 0 ? args.getArgument(0).getValue() : ''
if (code != '200' || !body.contains('"method":"initialize"')) return
def issued = prev.getResponseHeaders() =~ /(?im)^mcp-session-id:[ \t]*([^\s]+)/
if (issued.find()) {
  String id = issued.group(1)
  vars.put('MCP_SESSION_ID', id)
  vars.put('MCP_SESSION_OPEN', 'true')
  sessions.put(id, prev.getURL().toString())
}
`;

/**
 * tearDown sampler: DELETEs every session still open when the threads ended (a thread stopped by the test's
 * duration cannot send its own). Ignored (no sample) when there is none, as in stateless mode.
 */
export const END_SESSIONS_SCRIPT = String.raw`
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

Map sessions = (Map) props.get('${SESSION_REGISTRY}')
if (sessions == null || sessions.isEmpty()) { SampleResult.setIgnore(); return }
HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
List<String> failed = []
int ended = 0
new ArrayList(sessions.entrySet()).collate(50).each { batch ->
  def replies = batch.collect { e ->
    HttpRequest request = HttpRequest.newBuilder(URI.create((String) e.value)).timeout(Duration.ofSeconds(30))
      .header('Authorization', 'Bearer ' + props.getProperty('TOKEN', ''))
      .header('Accept', 'application/json, text/event-stream')
      .header('Mcp-Session-Id', (String) e.key).DELETE().build()
    [e.key, client.sendAsync(request, HttpResponse.BodyHandlers.discarding())]
  }
  replies.each { id, reply ->
    try {
      int status = reply.get().statusCode()
      if (status == 200 || status == 404) { ended++; sessions.remove(id) } else failed << (status as String)
    } catch (Exception e) { failed << e.getClass().getSimpleName() }
  }
}
SampleResult.setResponseCode(failed.isEmpty() ? '200' : '500')
SampleResult.setSuccessful(failed.isEmpty())
SampleResult.setResponseMessage('ended ' + ended + ' sessions' + (failed ? ', failed: ' + failed.countBy { it } : ''))
SampleResult.setResponseData(SampleResult.getResponseMessage(), 'UTF-8')
`;
