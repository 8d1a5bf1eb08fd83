package org.nodepoint.legacyapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.nodepoint.auth.LoginThrottle;
import org.nodepoint.auth.SignInLog;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.ClientEvents;
import org.nodepoint.clients.ClientService;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.forms.FormAnswers;
import org.nodepoint.inventory.ItemService;
import org.nodepoint.projects.AutoAssignees;
import org.nodepoint.projects.ProductService;
import org.nodepoint.sharedfiles.SharedFiles;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.tickets.Assignments;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TimeTracking;
import org.nodepoint.directory.SignInCheck;
import org.nodepoint.users.UserService;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Requires;
import org.nodepoint.web.WebApp;

/**
 * Serves the legacy API where NodePoint 1.x scripts call it: {@code /nodepoint/} (and its CGI
 * name) by GET or form POST. {@code /} serves API calls too; its GET, shared with the home page,
 * is routed by {@code HomeRoutes}.
 */
public final class LegacyApiRoutes implements FeatureRoutes {
    private final LegacyApi api;

    public LegacyApiRoutes(SettingsStore settings, UserService users, ProductService products, TicketService tickets,
            FormAnswers formAnswers, Assignments assignments, AutoAssignees autoAssignees, TimeTracking time, LoginThrottle throttle,
            SystemLog systemLog, SignInLog signInLog, ItemService items, ClientService clients, ClientEvents clientEvents,
            BillingService billing, SharedFiles sharedFiles, TaskService tasks, SignInCheck signInCheck) {
        Map<String, LegacyApi.Call> calls = new HashMap<>();
        this.api = new LegacyApi(settings, users, calls, systemLog);
        new ProductCalls(api, products, autoAssignees).register(calls);
        new TicketCalls(api, tickets, formAnswers).register(calls);
        new AssignmentCalls(api, assignments).register(calls);
        new TimeCalls(api, time).register(calls);
        new UserCalls(api, users, signInCheck, throttle, signInLog, systemLog, settings).register(calls);
        new ItemCalls(api, items).register(calls);
        new ClientCalls(api, clients, clientEvents, billing, settings).register(calls);
        new FileCalls(api, sharedFiles).register(calls);
        new TaskCalls(api, tasks).register(calls);
    }

    public LegacyApi api() {
        return api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/", api::handle, Requires.API_KEY);
        // Javalin ignores trailing slashes, so "/nodepoint" also serves "/nodepoint/".
        for (String path : new String[] {"/nodepoint", "/nodepoint/nodepoint.cgi"}) {
            routes.get(path, this::callOrHome, Requires.API_KEY);
            routes.post(path, api::handle, Requires.API_KEY);
        }
    }

    private void callOrHome(Context ctx) {
        if (WebApp.isLegacyApiCall(ctx)) {
            api.handle(ctx);
        } else {
            ctx.redirect("/");
        }
    }
}
