package org.compactbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a workspace admin's browser is shown when an install does not finish, in place of Bolt's pages (which answer
 * 200 and link to a path this app does not serve): a 4xx or 5xx status, what happened in plain words, and the way to
 * start again at {@value SlackChannel#INSTALL_PATH}. Nothing is installed in any of these cases.
 */
final class InstallPages {
    private static final Logger LOG = LoggerFactory.getLogger(InstallPages.class);

    private InstallPages() {}

    static void use(App app) {
        app.oauthCallbackStateError((req, resp) -> page(resp, 400, "This install link has expired or was opened in another "
                + "browser. Please start again from the same browser.", "state"));
        app.oauthCallbackError((req, resp) -> {
            String error = req.getPayload() == null ? null : req.getPayload().getError();
            return "access_denied".equals(error)
                    ? page(resp, 400, "The install was cancelled in Slack, so Compact Bot was not added to the workspace.", "cancelled")
                    : page(resp, 400, "Slack did not complete the install.", "error from Slack");
        });
        app.oauthCallbackAccessError((com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler) (req, resp, access) ->
                page(resp, 502, "Slack would not give this app a token for the workspace (" + safe(access.getError())
                        + "). Please try again, or ask the app's operator to check slack.client-id and slack.client-secret.", "token refused"));
        app.oauthCallbackException((req, resp, e) -> {
            LOG.error("Slack install could not be finished", e);
            return page(resp, 500, "Something went wrong on our side and nothing was installed. Please try again.", "failed");
        });
    }

    private static Response page(Response resp, int status, String message, String why) {
        LOG.info("Slack install not finished: {}", why);
        resp.setStatusCode(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setBody("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compact Bot: not installed</title></head>"
                + "<body><h1>Compact Bot was not installed</h1><p>" + message + "</p><p><a href=\"" + SlackChannel.INSTALL_PATH
                + "\">Start the install again</a></p></body></html>");
        Map<String, List<String>> headers = resp.getHeaders();
        if (headers != null) headers.remove("Location");
        return resp;
    }

    /** Slack's error code, which is letters and underscores; anything else is not echoed into the page. */
    private static String safe(String error) {
        return error != null && error.matches("[a-z_]{1,64}") ? error : "no reason given";
    }
}
