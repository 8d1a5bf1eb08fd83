package org.nodepoint.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error responses for the requests that Jetty rejects before NodePoint sees them (an undecodable
 * path, a path or headers beyond Jetty's limits): one line of plain text with the protective
 * headers of NodePoint's own pages, in place of Jetty's HTML page without them.
 */
final class BareErrorHandler extends ErrorHandler {
    private static final HttpField[] PROTECTIVE_HEADERS = {
        new HttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8"),
        new HttpField("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
        new HttpField("X-Content-Type-Options", "nosniff"),
        new HttpField("X-Frame-Options", "DENY"),
        new HttpField("Referrer-Policy", "same-origin"),
        new HttpField(HttpHeader.CACHE_CONTROL, "no-store"),
    };

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField header : PROTECTIVE_HEADERS) {
            headers.put(header);
        }
        response.write(true, ByteBuffer.wrap(statusLine(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        for (HttpField header : PROTECTIVE_HEADERS) {
            fields.put(header);
        }
        return ByteBuffer.wrap(statusLine(status).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the status and its standard reason, never the request's text or an exception message. */
    private static String statusLine(int code) {
        String reason = HttpStatus.getMessage(code);
        return code + " " + (reason == null ? "Error" : reason) + "\n";
    }
}
