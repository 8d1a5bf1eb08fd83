package org.nodepoint.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The home page's getting-started panel: shown to signed-in users until each hides it for good. */
class GettingStartedTest {
    @TempDir
    Path folder;

    private static Browser signedIn(String origin, String name, String password) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, password).status()).isEqualTo(302);
        return browser;
    }

    private static Document home(Browser browser) {
        return Jsoup.parse(browser.get("/").body());
    }

    @Test
    void hidden_panel_stays_hidden() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("alice", Level.AUTHORIZED);
            node.user("bob", Level.AUTHORIZED);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice", TestNodePoint.PASSWORD);
                assertThat(home(alice).select("#getting-started")).hasSize(1);

                Browser.Page hidden = alice.post("/home/getting-started/hide", Map.of());

                assertThat(hidden.status()).isEqualTo(302);
                assertThat(home(alice).select("#getting-started")).isEmpty();
                Browser aliceAgain = signedIn(client.getOrigin(), "alice", TestNodePoint.PASSWORD);
                assertThat(home(aliceAgain).select("#getting-started")).isEmpty();
                assertThat(alice.post("/home/getting-started/hide", Map.of()).status()).isEqualTo(302);
                assertThat(home(signedIn(client.getOrigin(), "bob", TestNodePoint.PASSWORD)).select("#getting-started")).hasSize(1);
            });
        }
    }

    @Test
    void panel_links_fit_the_viewer() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("alice", Level.AUTHORIZED);
            node.http((server, client) -> {
                Document member = home(signedIn(client.getOrigin(), "alice", TestNodePoint.PASSWORD));
                Document admin = home(signedIn(client.getOrigin(), "admin", TestNodePoint.ADMIN_PASSWORD));

                assertThat(member.select("#getting-started a").eachAttr("href")).containsExactly("/tickets/new", "/articles", "/search", "/settings");
                assertThat(admin.select("#getting-started a").eachAttr("href"))
                        .containsExactly("/tickets/new", "/articles", "/search", "/settings", "/admin/settings");
            });
        }
    }

    @Test
    void guest_sees_no_panel_and_cannot_hide() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser guest = new Browser(client.getOrigin());

                assertThat(home(guest).select("#getting-started")).isEmpty();
                assertThat(guest.post("/home/getting-started/hide", Map.of()).status()).isEqualTo(403);
                int hiddenPanels = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM hidden_home_panels")
                        .mapTo(Integer.class).one());
                assertThat(hiddenPanels).isZero();
            });
        }
    }
}
