package dev.interlock.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP client every HTTP upstream of this process shares (one connection pool per server): Jetty's, on daemon
 * threads so that {@code interlock mcp} can exit. Requests block the calling (virtual) thread until the answer's
 * headers arrive; the body is read as a stream, so that an event stream is handled message by message.
 */
final class UpstreamHttp {

    /** What came back: status, the headers the gateway reads, and the body to read (and close). */
    record Answer(int status, String sessionId, String contentType, InputStream body) {
    }

    private static final long CONNECT_SECONDS = 10;
    private static final HttpClient CLIENT = start();

    private UpstreamHttp() {
    }

    private static HttpClient start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("interlock-mcp-http");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("interlock-mcp-http-timer", true));
        client.setConnectTimeout(TimeUnit.SECONDS.toMillis(CONNECT_SECONDS));
        client.setIdleTimeout(TimeUnit.MINUTES.toMillis(5));
        // Each MCP session keeps an event stream open besides its requests in flight: no small cap on connections.
        client.setMaxConnectionsPerDestination(1024);
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client for upstream MCP servers: " + e.getMessage(), e);
        }
        return client;
    }

    /** A request to {@code endpoint}; {@code body} null for one without. */
    static Request request(URI endpoint, HttpMethod method, Map<String, String> headers, String body, long timeoutMillis) {
        Request r = CLIENT.newRequest(endpoint).method(method).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        r.headers(h -> headers.forEach(h::put));
        if (body != null) {
            r.body(new StringRequestContent("application/json", body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return r;
    }

    /** Sends and waits for the answer's headers (at most the request's timeout). */
    static Answer send(Request request) throws IOException, InterruptedException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            var response = listener.get(request.getTimeout() > 0 ? request.getTimeout() : TimeUnit.MINUTES.toMillis(10), TimeUnit.MILLISECONDS);
            return new Answer(response.getStatus(), response.getHeaders().get("Mcp-Session-Id"),
                    response.getHeaders().get(HttpHeader.CONTENT_TYPE), listener.getInputStream());
        } catch (TimeoutException e) {
            request.abort(e);
            throw new IOException("no answer within " + request.getTimeout() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }
}
